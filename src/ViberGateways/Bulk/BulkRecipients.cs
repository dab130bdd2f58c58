using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Bulk
{
    /// <summary>
    /// One recipient of a personalised bulk send: its message as read (null, or without recipients, when the input gave
    /// none), what the gateway's check made of that message, its position among the message's recipients and the
    /// message's path (<c>messages[2]</c>).
    /// </summary>
    internal readonly struct BulkRecipient<TMessage>(ViberMessage? message, TMessage? checkedMessage, int position, string path, string recipient)
    {
        public ViberMessage? Message { get; } = message;

        /// <summary>What the gateway's check made of the message, once for all its recipients (default when it has none).</summary>
        public TMessage? Checked { get; } = checkedMessage;

        public int Position { get; } = position;

        public string Path { get; } = path;

        public string Recipient { get; } = recipient;

        /// <summary>Whether no recipient of the same message follows: where a gateway that sends a message's recipients together ends its request.</summary>
        public bool IsLast => Message?.Recipients is not { } recipients || Position >= recipients.Count - 1;

        /// <summary>The message, or the violation that rejects this input item: a null message, or one without recipients.</summary>
        /// <exception cref="RequestValidationException">The input gave no message, or one without recipients.</exception>
        public ViberMessage RequireMessage() =>
            Message is null ? throw RequestValidationException.Of(Path, "required", "must not be null")
            : Message.Recipients is not { Count: > 0 } ? throw RequestValidationException.Of(Path + "." + nameof(ViberMessage.Recipients), "minItems", "must contain at least one recipient")
            : Message;

        /// <summary>
        /// This recipient as it is sent: its message's check, its digits and its client id (the message's
        /// <see cref="ViberMessage.ClientId"/> plus its position, as on every gateway), checked with the violations
        /// <paramref name="violationsOf"/> finds in the message's check: every violation at once.
        /// </summary>
        /// <exception cref="RequestValidationException">The recipient or its message breaks a rule; it is not sent to this recipient.</exception>
        public BulkDestination<TMessage> Check(Func<TMessage, IReadOnlyList<ValidationViolation>> violationsOf)
        {
            var message = RequireMessage();
            var errors = new ValidationErrors();
            var clientId = message.ClientIdOf(Position, Path, errors);
            errors.ThrowIfAny();
            var digits = RecipientRules.Check(Recipient, $"{Path}.{nameof(ViberMessage.Recipients)}[{Position.ToString(CultureInfo.InvariantCulture)}]", errors)?.Digits;
            errors.AddRange(violationsOf(Checked!));
            errors.ThrowIfAny();
            return new BulkDestination<TMessage>(message, Checked!, digits!, clientId);
        }
    }

    /// <summary>A recipient of a personalised bulk send as checked: its message (the copy read), that message's check, its digits and its client id.</summary>
    internal sealed class BulkDestination<TMessage>(ViberMessage message, TMessage checkedMessage, string digits, long? clientId)
    {
        public ViberMessage Message { get; } = message;

        public TMessage Checked { get; } = checkedMessage;

        public string Digits { get; } = digits;

        public long? ClientId { get; } = clientId;
    }

    /// <summary>A bulk send's input read and checked recipient by recipient, the same way on every gateway.</summary>
    internal static class BulkRecipients
    {
        /// <summary>What a LiveAll or SMS.by request carries unless <see cref="BulkSendOptions.MaxRecipientsPerRequest"/> is set (neither documents a maximum).</summary>
        private const int DefaultPerRequest = 1000;

        /// <summary>
        /// A one-to-many bulk send of a copy of <paramref name="message"/>: <paramref name="check"/> (with the options'
        /// check, before anything is read) and the plan <paramref name="planOf"/> makes of the copy and its check.
        /// </summary>
        public static IAsyncEnumerable<SendResult> OneToMany<TChecked, TItem>(ViberMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options,
            Func<ViberMessage, TChecked> check, Func<ViberMessage, TChecked, BulkPlan<string, TItem>> planOf, CancellationToken cancellationToken)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));
            _ = recipients ?? throw new ArgumentNullException(nameof(recipients));
            var copy = message.Snapshot();
            var checkedMessage = BulkSender.CheckMessage(() => check(copy), options);
            return BulkSender.Run(recipients, options, planOf(copy, checkedMessage), cancellationToken);
        }

        /// <summary>A LiveAll or SMS.by one-to-many plan: each recipient's digits (<see cref="OfOneToMany"/>), in requests of up to 1000 unless set.</summary>
        public static BulkPlan<string, string> OneToManyPlan(Gateway gateway, ViberMessage message, BulkRequest<string> send) =>
            new(gateway, DefaultPerRequest, BulkSender.MaxRecipientsPerRequestLimit, (recipient, index) => OfOneToMany(message, recipient, index), static recipient => recipient ?? "", send);

        /// <summary>
        /// A LiveAll or SMS.by personalised bulk send: each recipient checked with the violations <paramref name="violationsOf"/>
        /// finds in its message's check, in requests of up to 1000 unless set, none beyond its message's last recipient
        /// (a request carries one content). A refusal may concern one message's content: three in a row stop the send.
        /// </summary>
        public static IAsyncEnumerable<SendResult> Personalised<TMessage>(Gateway gateway, IAsyncEnumerable<ViberMessage> messages, BulkSendOptions? options,
            Func<ViberMessage, string, TMessage> check, Func<TMessage, IReadOnlyList<ValidationViolation>> violationsOf, BulkRequest<BulkDestination<TMessage>> send,
            CancellationToken cancellationToken) =>
            BulkSender.Run(Each(messages, check, cancellationToken), options, new BulkPlan<BulkRecipient<TMessage>, BulkDestination<TMessage>>(gateway, DefaultPerRequest,
                BulkSender.MaxRecipientsPerRequestLimit, (item, index) => new BulkEntry<BulkDestination<TMessage>>(index, item.Recipient, item.Check(violationsOf)),
                static item => item.Recipient, send)
                {
                    EndsRequest = static item => item.IsLast,
                    EndsMessage = static item => item.IsLast,
                    MessageOf = static destination => destination.Message,
                    StopOnFirstRefusal = false,
                }, cancellationToken);

        /// <summary>A recipient of a one-to-many bulk send of <paramref name="message"/>, checked: its digits, and its client id (<see cref="ViberMessage.ClientIdOfBulkRecipient"/>) in range.</summary>
        /// <exception cref="RequestValidationException">The number is invalid, or the client id would pass the largest id; this recipient is not sent to.</exception>
        public static BulkEntry<string> OfOneToMany(ViberMessage message, string recipient, long index)
        {
            var digits = RecipientRules.ParseOne(recipient, $"recipients[{index.ToString(CultureInfo.InvariantCulture)}]").Digits;
            _ = message.ClientIdOfBulkRecipient(index);
            return new BulkEntry<string>(index, recipient, digits);
        }

        /// <summary>Each recipient of each message, for a gateway that checks each recipient's message whole (AlphaSMS: its wire model carries the recipient).</summary>
        public static IAsyncEnumerable<BulkRecipient<object>> Each(IAsyncEnumerable<ViberMessage> messages, CancellationToken cancellationToken) =>
            Each<object>(messages, static (_, _) => null!, cancellationToken);

        /// <summary>
        /// Each recipient of each message, in order, with <paramref name="check"/>'s result for its message (called once
        /// per message that has recipients; it reports violations in its result and never throws). Each message is read
        /// as a copy, so what is sent is what was checked, whatever the caller does with the object afterwards. A null
        /// message, or one without recipients, is one item, which <see cref="BulkRecipient{TMessage}.RequireMessage"/> rejects.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="messages"/> is null (at call time).</exception>
        public static IAsyncEnumerable<BulkRecipient<TMessage>> Each<TMessage>(IAsyncEnumerable<ViberMessage> messages, Func<ViberMessage, string, TMessage> check,
            CancellationToken cancellationToken) =>
            EachAsync(messages ?? throw new ArgumentNullException(nameof(messages)), check, cancellationToken);

        private static async IAsyncEnumerable<BulkRecipient<TMessage>> EachAsync<TMessage>(IAsyncEnumerable<ViberMessage> messages, Func<ViberMessage, string, TMessage> check,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            long m = 0;
            await foreach (var read in messages.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var path = "messages[" + m.ToString(CultureInfo.InvariantCulture) + "]";
                m++;
                var message = read?.Snapshot();
                if (message?.Recipients is not { Count: > 0 } recipients)
                {
                    yield return new BulkRecipient<TMessage>(message, default, 0, path, "");
                    continue;
                }

                var checkedMessage = check(message, path);
                for (var r = 0; r < recipients.Count; r++)
                {
                    yield return new BulkRecipient<TMessage>(message, checkedMessage, r, path, recipients[r]);
                }
            }
        }
    }
}
