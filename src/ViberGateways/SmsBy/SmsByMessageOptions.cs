namespace ViberGateways.SmsBy
{
    /// <summary>What only SMS.by can do with a message (<see cref="ViberMessage.SmsBy"/>); the other gateways ignore it.</summary>
    public sealed class SmsByMessageOptions
    {
        /// <summary>
        /// The sender id for this message, instead of <see cref="SmsByOptions.QuickMessageSenderId"/> (one recipient,
        /// a <c>vibername_id</c>) or <see cref="SmsByOptions.MailingSenderId"/> (several, an <c>alphaname_id</c>).
        /// </summary>
        public long? SenderId { get; set; }

        /// <summary>The mailing's name in the SMS.by account (<c>name</c>; mailings only).</summary>
        public string? MailingName { get; set; }
    }
}
