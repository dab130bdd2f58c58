namespace ViberGateways
{
    /// <summary>A sender id the account may send with (SMS.by <c>getAlphanames</c>: id and name).</summary>
    public sealed class SenderInfo
    {
        /// <summary>Creates a sender.</summary>
        /// <param name="id">The id to send with.</param>
        /// <param name="name">The name recipients see.</param>
        public SenderInfo(string id, string name)
        {
            Id = id;
            Name = name;
        }

        /// <summary>The id to send with.</summary>
        public string Id { get; }

        /// <summary>The name recipients see.</summary>
        public string Name { get; }
    }
}
