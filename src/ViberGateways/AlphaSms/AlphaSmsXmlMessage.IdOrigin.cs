namespace ViberGateways.AlphaSms
{
    // Where a msg's id came from, which the reply's 208 ERR_DUPLICATE needs and the spec cannot say. A field, not a
    // property: the XML writer, the spec limits and the JSON contract read properties only, so it is never sent.
    internal partial class AlphaSmsXmlMessage
    {
        /// <summary>
        /// Whether the SDK drew <see cref="Id"/> itself (the message set no <see cref="ViberMessage.ClientId"/>): a 208
        /// to the package's first attempt then cannot say whether it names this message (repeated below the SDK) or
        /// another with the same id.
        /// </summary>
        internal bool IdAssigned;
    }
}
