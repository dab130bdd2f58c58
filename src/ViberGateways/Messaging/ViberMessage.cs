using System;
using System.Collections.Generic;
using System.Linq;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;

namespace ViberGateways
{
    /// <summary>
    /// One Viber message, the same for every gateway. What it holds decides its Viber type: text; an image; text with
    /// a button; text, image and button. Each gateway checks it against its documented limits before anything is
    /// sent; a field a gateway or transport cannot carry is a <see cref="RequestValidationException"/> naming the
    /// field and the gateway.
    /// </summary>
    public sealed class ViberMessage
    {
        /// <summary>Recipients in international format (<c>+380971234567</c>; spaces, dashes and parentheses are ignored).</summary>
        public IList<string> Recipients { get; set; } = new List<string>();

        /// <summary>
        /// The approved Viber sender name (AlphaSMS, LiveAll); when not set, the gateway's configured
        /// <c>Sender</c>. SMS.by sends by sender id instead: see <see cref="SmsByOptions.QuickMessageSenderId"/> and
        /// <see cref="SmsByOptions.MailingSenderId"/>.
        /// </summary>
        public string? Sender { get; set; }

        /// <summary>Message text.</summary>
        public string? Text { get; set; }

        /// <summary>Public URL of an image.</summary>
        public string? ImageUrl { get; set; }

        /// <summary>A button under the message that opens a link.</summary>
        public ViberButton? Button { get; set; }

        /// <summary>An SMS sent instead when the message cannot be delivered through Viber.</summary>
        public SmsFallback? SmsFallback { get; set; }

        /// <summary>How long Viber keeps trying to deliver; whole seconds.</summary>
        public TimeSpan? Lifetime { get; set; }

        /// <summary>
        /// Send later, at this time. AlphaSMS XML and HTTP send it with its offset. SMS.by takes the date and time as
        /// written, without the offset: its schedule_time has none and SMS.by does not document the time zone it
        /// reads it in, so give the time in the offset your SMS.by account uses (09:30+05:00 is sent as 09:30).
        /// </summary>
        public DateTimeOffset? ScheduledAt { get; set; }

        /// <summary>
        /// Your own id for the message. Each recipient gets this id plus its position among the recipients (0, 1, …),
        /// on every gateway and however a <see cref="ViberRouter"/> splits them, so keep that range free for this
        /// message. AlphaSMS carries it as the client id (JSON and XML <c>id</c>, unique within the account; one is
        /// assigned when not set) and recognises a repeated send by it; every gateway returns it in the
        /// <see cref="MessageReference"/>.
        /// </summary>
        public long? ClientId { get; set; }

        /// <summary>AlphaSMS-only settings (short links, status callback URL); ignored by the other gateways.</summary>
        public AlphaSmsMessageOptions? AlphaSms { get; set; }

        /// <summary>LiveAll-only settings (SMS price category); ignored by the other gateways.</summary>
        public LiveAllMessageOptions? LiveAll { get; set; }

        /// <summary>SMS.by-only settings (mailing name, sender id); ignored by the other gateways.</summary>
        public SmsByMessageOptions? SmsBy { get; set; }

        /// <summary>
        /// Where each recipient stood in the message this one was split from (null when it was not): a recipient's
        /// client id is <see cref="ClientId"/> plus its position in the original message, however the recipients
        /// were split between gateways, so a repeated send of the same message is still recognised.
        /// </summary>
        internal IReadOnlyList<int>? OriginalPositions { get; private set; }

        /// <summary>How many recipients the message this one was split from has (its own count when it was not split).</summary>
        internal int OriginalRecipientCount => _originalRecipientCount ?? Recipients?.Count ?? 0;

        private int? _originalRecipientCount;

        /// <summary>A copy of this message for some of its recipients (what a router sends to one gateway).</summary>
        /// <param name="recipients">This message's recipients, as read once.</param>
        /// <param name="positions">The positions of the recipients to keep.</param>
        internal ViberMessage ForRecipients(IReadOnlyList<string> recipients, IReadOnlyList<int> positions)
        {
            var copy = (ViberMessage)MemberwiseClone();
            copy.Recipients = positions.Select(i => recipients[i]).ToList();
            copy.OriginalPositions = positions.Select(i => OriginalPositions?[i] ?? i).ToList();
            copy._originalRecipientCount = OriginalRecipientCount;
            return copy;
        }

        /// <summary>
        /// A copy the caller's later changes to this message cannot reach: what a bulk send checks when it is called
        /// is what it sends, however long its recipients take to read.
        /// </summary>
        internal ViberMessage Snapshot()
        {
            var copy = (ViberMessage)MemberwiseClone();
            copy.Recipients = Recipients?.ToList()!;
            copy.AlphaSms = AlphaSms is null ? null : new AlphaSmsMessageOptions { ShortenLinks = AlphaSms.ShortenLinks, StatusCallbackUrl = AlphaSms.StatusCallbackUrl };
            copy.LiveAll = LiveAll is null ? null : new LiveAllMessageOptions { LowCostSms = LiveAll.LowCostSms };
            copy.SmsBy = SmsBy is null ? null : new SmsByMessageOptions { SenderId = SmsBy.SenderId, MailingName = SmsBy.MailingName };
            return copy;
        }

        /// <summary>The position of recipient <paramref name="recipient"/> in the message this one was split from.</summary>
        internal int OriginalPosition(int recipient) => OriginalPositions?[recipient] ?? recipient;

        /// <summary>
        /// The caller's client id of one recipient, the same on every gateway: <see cref="ClientId"/> plus the
        /// recipient's position in the original message; null when the message has none.
        /// </summary>
        internal long? ClientIdOf(int recipient) => ClientId is { } first ? unchecked(first + OriginalPosition(recipient)) : null;

        /// <summary>
        /// The client id of recipient <paramref name="recipient"/> as <see cref="ClientIdOf(int)"/> gives it, or a
        /// violation of <paramref name="path"/>'s ClientId when it would pass the largest id (null then, and when the message has none).
        /// </summary>
        internal long? ClientIdOf(int recipient, string path, ValidationErrors errors)
        {
            if (ClientId is not { } first)
            {
                return null;
            }

            var position = OriginalPosition(recipient);
            if (first > long.MaxValue - position)
            {
                // One violation for the message: the first recipient past the largest id says where the range ends.
                var field = path + "." + nameof(ClientId);
                if (!errors.Has(field))
                {
                    errors.Add(field, "range", $"recipient {position} would get ClientId + {position}, beyond the largest id");
                }

                return null;
            }

            return first + position;
        }

        /// <summary>Adds a violation when a recipient's client id (<see cref="ClientIdOf(int, string, ValidationErrors)"/>) would pass the largest id.</summary>
        internal void CheckClientIds(string path, ValidationErrors errors)
        {
            for (var r = 0; ClientId is not null && r < (Recipients?.Count ?? 0); r++)
            {
                ClientIdOf(r, path, errors);
            }
        }

        /// <summary>
        /// The client id of the recipient at <paramref name="index"/> of a one-to-many bulk send of this message:
        /// <see cref="ClientId"/> plus the index, as for the recipients of one message (null when the message has none).
        /// </summary>
        /// <exception cref="RequestValidationException">The id would pass the largest id; this recipient is not sent to.</exception>
        internal long? ClientIdOfBulkRecipient(long index) => ClientId is not { } first ? null
            : first <= long.MaxValue - index ? first + index
            : throw RequestValidationException.Of("message." + nameof(ClientId), "range", $"recipient {index} would get ClientId + {index}, beyond the largest id");
    }
}
