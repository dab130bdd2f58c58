using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways
{
    /// <summary>
    /// What every gateway's <see cref="IViberClient"/> does the same way: a neutral message's fields checked under
    /// the caller's names, a whole-request failure turned into one result per recipient, and the references a status query takes.
    /// </summary>
    internal static class NeutralResults
    {
        /// <summary>
        /// Sends several messages one after the other: every message is checked before the first is sent (an invalid
        /// one throws with <c>messages[i]</c> paths and nothing is sent); each recipient's result is numbered across
        /// the messages.
        /// </summary>
        public static async Task<IReadOnlyList<SendResult>> SendEachAsync<TChecked>(IEnumerable<ViberMessage> messages, Func<ViberMessage, string, TChecked> check,
            Func<TChecked, CancellationToken, Task<IReadOnlyList<SendResult>>> send, CancellationToken cancellationToken)
        {
            var all = (messages ?? throw new ArgumentNullException(nameof(messages))).ToList();
            var errors = new ValidationErrors();
            if (all.Count == 0)
            {
                errors.Add("messages", "minItems", "at least one message is needed");
            }

            var checkedMessages = all.Select((message, i) =>
            {
                try
                {
                    return check(message ?? throw RequestValidationException.Of($"messages[{i}]", "required", "must not be null"), $"messages[{i}]");
                }
                catch (RequestValidationException invalid)
                {
                    errors.AddRange(invalid.Violations);
                    return default!;
                }
            }).ToList();
            errors.ThrowIfAny();

            var results = new List<SendResult>();
            foreach (var message in checkedMessages)
            {
                foreach (var result in await send(message, cancellationToken).ConfigureAwait(false))
                {
                    result.Index = results.Count;
                    results.Add(result);
                }
            }

            return results;
        }

        /// <summary>
        /// Every recipient of a request that failed as a whole: rejected when the gateway refused it, not sent when it
        /// stayed unavailable, unknown when the request may have reached it (a timeout, an unreadable reply).
        /// </summary>
        public static IReadOnlyList<SendResult> Failed(Gateway gateway, IList<string> recipients, GatewayException failure) =>
            recipients.Select((recipient, i) => new SendResult(gateway, recipient, failure.Outcome)
            {
                Index = i, Error = failure.Message, ErrorCode = failure.GatewayErrorCode, Failure = failure,
            }).ToList();

        /// <summary>The recipient's digits, as a reference keeps them (the input as given when it is not a phone number).</summary>
        public static string Digits(string recipient) => PhoneNumber.TryParse(recipient, out var number, out _) ? number.Digits : recipient;

        /// <summary>A field of the neutral message the gateway cannot carry.</summary>
        public static void NotCarried(ValidationErrors errors, string path, string field, string gateway, string why) =>
            errors.Add(path + "." + field, "gateway", $"{gateway} cannot carry it: {why}");

        /// <summary>
        /// The statuses of a query, one per reference in order (the references checked first: none null, each one this
        /// gateway's): those <paramref name="unanswerable"/> finds no id in for this gateway are
        /// <see cref="DeliveryState.Unknown"/> with the reason, marked as never answerable (a follower stops asking); the
        /// others are asked with <paramref name="ask"/>, in one call.
        /// </summary>
        public static async Task<IReadOnlyList<DeliveryStatus>> StatusesAsync(IEnumerable<MessageReference> references, Gateway gateway,
            Func<MessageReference, string?> unanswerable, Func<List<MessageReference>, CancellationToken, Task<IReadOnlyList<DeliveryStatus>>> ask,
            CancellationToken cancellationToken)
        {
            var all = (references ?? throw new ArgumentNullException(nameof(references))).ToList();
            var errors = new ValidationErrors();
            for (var i = 0; i < all.Count; i++)
            {
                if (all[i] is null)
                {
                    errors.Add($"references[{i}]", "required", "must not be null");
                }
                else if (all[i].Gateway != gateway)
                {
                    errors.Add($"references[{i}]", "gateway", $"is a {all[i].Gateway} reference: ask the {all[i].Gateway} client (or a ViberRouter) for its status");
                }
            }

            errors.ThrowIfAny();
            var statuses = all.Select(reference =>
                unanswerable(reference) is { } why ? new DeliveryStatus(reference, DeliveryState.Unknown, "") { Error = why, Unanswerable = true } : null).ToArray();
            var asked = Enumerable.Range(0, all.Count).Where(i => statuses[i] is null).ToList();
            if (asked.Count > 0)
            {
                var answers = await ask(asked.ConvertAll(i => all[i]), cancellationToken).ConfigureAwait(false);
                for (var k = 0; k < asked.Count; k++)
                {
                    statuses[asked[k]] = answers[k];
                }
            }

            return statuses!;
        }

        /// <summary>The message of a one-to-many bulk send names no recipients: every one comes from the recipients stream.</summary>
        public static void NoRecipientsInTemplate(ViberMessage message, string path, ValidationErrors errors)
        {
            if (message.Recipients is { Count: > 0 })
            {
                errors.Add(path + "." + nameof(ViberMessage.Recipients), "bulk", "must be empty: every recipient comes from `recipients`");
            }
        }

        /// <summary>The gateway's numeric message id a reference holds (LiveAll smsid, SMS.by quick message id), or null.</summary>
        public static long? NumericGatewayId(MessageReference reference) =>
            long.TryParse(reference.GatewayId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

        /// <summary>The status of a reference the gateway's reply did not report on.</summary>
        public static DeliveryStatus NotReported(MessageReference reference, string why) => new DeliveryStatus(reference, DeliveryState.Unknown, "") { Error = why };
    }
}
