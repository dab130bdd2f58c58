namespace ViberGateways.AlphaSms
{
    /// <summary>What only AlphaSMS can do with a message (<see cref="ViberMessage.AlphaSms"/>); the other gateways ignore it.</summary>
    public sealed class AlphaSmsMessageOptions
    {
        /// <summary>Shorten and track the links in the text (JSON <c>short_link</c>; JSON transport only).</summary>
        public bool? ShortenLinks { get; set; }

        /// <summary>URL where the gateway posts this message's delivery status (JSON <c>hook</c>; JSON transport only).</summary>
        public string? StatusCallbackUrl { get; set; }
    }
}
