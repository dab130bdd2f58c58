using System;

namespace ViberGateways
{
    /// <summary>A button under a Viber message.</summary>
    public sealed class ViberButton
    {
        /// <summary>Creates a button.</summary>
        /// <param name="caption">Button text.</param>
        /// <param name="url">The absolute http(s) URL the button opens.</param>
        /// <exception cref="ArgumentNullException"><paramref name="caption"/> or <paramref name="url"/> is null: a button has both.</exception>
        public ViberButton(string caption, string url)
        {
            Caption = caption ?? throw new ArgumentNullException(nameof(caption), "A Viber button needs a caption.");
            Url = url ?? throw new ArgumentNullException(nameof(url), "A Viber button needs the URL it opens.");
        }

        /// <summary>Button text.</summary>
        public string Caption { get; }

        /// <summary>The absolute http(s) URL the button opens.</summary>
        public string Url { get; }
    }
}
