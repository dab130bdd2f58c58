namespace ViberGateways
{
    /// <summary>A button under a Viber message.</summary>
    public sealed class ViberButton
    {
        /// <summary>Creates a button.</summary>
        /// <param name="caption">Button text.</param>
        /// <param name="url">The absolute http(s) URL the button opens.</param>
        public ViberButton(string caption, string url)
        {
            Caption = caption;
            Url = url;
        }

        /// <summary>Button text.</summary>
        public string Caption { get; }

        /// <summary>The absolute http(s) URL the button opens.</summary>
        public string Url { get; }
    }
}
