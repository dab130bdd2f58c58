using System;
using System.Globalization;
using Newtonsoft.Json;

namespace ViberGateways
{
    /// <summary>
    /// Identifies one sent message to one recipient, on every gateway and transport: what a send returns and what
    /// <see cref="IViberClient.GetStatusAsync"/> takes. Store it as text (<see cref="ToString"/>, read back with
    /// <see cref="Parse"/>) or as JSON, and ask the status tomorrow.
    /// </summary>
    public sealed class MessageReference : IEquatable<MessageReference>
    {
        private const char Separator = ':';

        /// <summary>Creates a reference.</summary>
        /// <param name="gateway">The gateway that took the message.</param>
        /// <param name="recipient">The recipient, digits only (country code and number).</param>
        /// <param name="clientId">The client id the message was sent with (AlphaSMS), or the caller's own id.</param>
        /// <param name="gatewayId">The id the gateway gave the message (AlphaSMS <c>msg_id</c>/<c>id</c>, LiveAll <c>smsid</c>, SMS.by <c>message_id</c>).</param>
        /// <param name="mailingId">The mailing the message was sent in (SMS.by <c>uuid</c>).</param>
        [JsonConstructor]
        public MessageReference(Gateway gateway, string recipient, long? clientId = null, string? gatewayId = null, string? mailingId = null)
        {
            Gateway = Enum.IsDefined(typeof(Gateway), gateway) ? gateway : throw new ArgumentOutOfRangeException(nameof(gateway), gateway, "Not a gateway.");
            Recipient = recipient ?? throw new ArgumentNullException(nameof(recipient));
            ClientId = clientId;
            GatewayId = string.IsNullOrEmpty(gatewayId) ? null : gatewayId;
            MailingId = string.IsNullOrEmpty(mailingId) ? null : mailingId;
            if (Recipient.IndexOf(Separator) >= 0 || GatewayId?.IndexOf(Separator) >= 0 || MailingId?.IndexOf(Separator) >= 0)
            {
                throw new ArgumentException($"A message reference cannot contain '{Separator}'.");
            }
        }

        /// <summary>The gateway that took the message.</summary>
        public Gateway Gateway { get; }

        /// <summary>The recipient, digits only; empty when the reference was made from an id alone.</summary>
        public string Recipient { get; }

        /// <summary>The client id the message was sent with (AlphaSMS), or the caller's own id; null when there was none.</summary>
        public long? ClientId { get; }

        /// <summary>The id the gateway gave the message; null when its reply had none (an unknown outcome, an SMS.by mailing).</summary>
        public string? GatewayId { get; }

        /// <summary>The mailing the message was sent in (SMS.by <c>uuid</c>); null elsewhere.</summary>
        public string? MailingId { get; }

        /// <summary>
        /// The reference as one line of text, <c>gateway:recipient:clientId:gatewayId:mailingId</c> with empty parts
        /// left empty (for example <c>AlphaSms:380971234567:42:1001:</c>); <see cref="Parse"/> reads it back.
        /// </summary>
        /// <returns>The text.</returns>
        public override string ToString() =>
            $"{Gateway}{Separator}{Recipient}{Separator}{ClientId?.ToString(CultureInfo.InvariantCulture)}{Separator}{GatewayId}{Separator}{MailingId}";

        /// <summary>Reads a reference written by <see cref="ToString"/>.</summary>
        /// <param name="text">The text.</param>
        /// <returns>The reference.</returns>
        /// <exception cref="FormatException">The text is not a message reference.</exception>
        public static MessageReference Parse(string text) =>
            TryParse(text, out var reference) ? reference! : throw new FormatException("The text is not a message reference (gateway:recipient:clientId:gatewayId:mailingId, with at least one id).");

        /// <summary>Reads a reference written by <see cref="ToString"/>.</summary>
        /// <param name="text">The text.</param>
        /// <param name="reference">The reference, when the text is one.</param>
        /// <returns>Whether the text is a message reference.</returns>
        public static bool TryParse(string? text, out MessageReference? reference)
        {
            reference = null;
            var parts = text?.Trim().Split(Separator);
            if (parts is not { Length: 5 }
                || !Enum.TryParse<Gateway>(parts[0], ignoreCase: true, out var gateway) || !Enum.IsDefined(typeof(Gateway), gateway))
            {
                return false;
            }

            var id = 0L;
            if ((parts[2].Length > 0 && !long.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id))
                || parts[2].Length + parts[3].Length + parts[4].Length == 0)
            {
                return false;
            }

            reference = new MessageReference(gateway, parts[1], parts[2].Length > 0 ? id : null, parts[3], parts[4]);
            return true;
        }

        /// <inheritdoc />
        public bool Equals(MessageReference? other) => other is not null && ToString() == other.ToString();

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as MessageReference);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
    }
}
