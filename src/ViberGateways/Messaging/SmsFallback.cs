using ViberGateways.LiveAll;

namespace ViberGateways
{
    /// <summary>The SMS a gateway sends when a Viber message cannot be delivered (AlphaSMS JSON and HTTP, LiveAll).</summary>
    public sealed class SmsFallback
    {
        /// <summary>Creates an SMS fallback.</summary>
        /// <param name="text">The SMS text.</param>
        /// <param name="sender">The SMS sender name; when not set, the gateway's configured <c>SmsSender</c>.</param>
        public SmsFallback(string text, string? sender = null)
        {
            Text = text;
            Sender = sender;
        }

        /// <summary>The SMS text.</summary>
        public string Text { get; }

        /// <summary>The SMS sender name; when not set, the gateway's configured <c>SmsSender</c>.</summary>
        public string? Sender { get; }
    }
}
