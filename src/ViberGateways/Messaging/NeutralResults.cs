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
            var errors = new List<ValidationViolation>();
            if (all.Count == 0)
            {
                errors.Add(new ValidationViolation("messages", "minItems", "at least one message is needed"));
            }

            var checkedMessages = new List<TChecked>(all.Count);
            for (var i = 0; i < all.Count; i++)
            {
                try
                {
                    checkedMessages.Add(check(all[i] ?? throw RequestValidationException.Of($"messages[{i}]", "required", "must not be null"), $"messages[{i}]"));
                }
                catch (RequestValidationException invalid)
                {
                    errors.AddRange(invalid.Violations);
                }
            }

            if (errors.Count > 0)
            {
                throw new RequestValidationException(errors);
            }

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
        public static IReadOnlyList<SendResult> Failed(Gateway gateway, IList<string> recipients, GatewayException failure)
        {
            return recipients.Select((recipient, i) => new SendResult(gateway, recipient, failure.Outcome)
            {
                Index = i,
                Error = failure.Message,
                ErrorCode = failure.GatewayErrorCode,
                Failure = failure,
            }).ToList();
        }

        /// <summary>The recipient's digits, as a reference keeps them (the input as given when it is not a phone number).</summary>
        public static string Digits(string recipient) => PhoneNumber.TryParse(recipient, out var number, out _) ? number.Digits : recipient;

        /// <summary>A field of the neutral message the gateway cannot carry.</summary>
        public static void NotCarried(List<ValidationViolation> errors, string path, string field, string gateway, string why) =>
            errors.Add(new ValidationViolation(path + "." + field, "gateway", $"{gateway} cannot carry it: {why}"));

        /// <summary>A field of the neutral message the gateway cannot carry.</summary>
        public static void NotCarried(ValidationErrors errors, string path, string field, string gateway, string why) =>
            errors.Add(path + "." + field, "gateway", $"{gateway} cannot carry it: {why}");

        /// <summary>
        /// A gateway message's violations under the neutral message's names: <c>message.SenderName</c> of a LiveAll
        /// message is <c>messages[2].Sender</c> of the caller's. Fields in <paramref name="skip"/> (already reported in
        /// the caller's terms) are left out.
        /// </summary>
        public static IEnumerable<ValidationViolation> Renamed(RequestValidationException invalid, string path, IReadOnlyDictionary<string, string> fields, ICollection<string>? skip = null)
        {
            foreach (var violation in invalid.Violations)
            {
                var field = violation.Field;
                if (field == "message" || field.StartsWith("message.", StringComparison.Ordinal) || field.StartsWith("message[", StringComparison.Ordinal))
                {
                    field = path + field.Substring("message".Length);
                }

                foreach (var pair in fields)
                {
                    var from = path + "." + pair.Key;
                    if (field == from || field.StartsWith(from + ".", StringComparison.Ordinal) || field.StartsWith(from + "[", StringComparison.Ordinal))
                    {
                        field = path + "." + pair.Value + field.Substring(from.Length);
                        break;
                    }
                }

                if (skip is null || !skip.Contains(field))
                {
                    yield return new ValidationViolation(field, violation.Rule, violation.Message);
                }
            }
        }

        /// <summary>
        /// Runs the gateway's own check of the message a neutral one became, and throws every violation at once: those
        /// of the neutral message (<paramref name="errors"/>) and the gateway's, renamed (<see cref="Renamed"/>).
        /// </summary>
        public static T Checked<T>(List<ValidationViolation> errors, string path, IReadOnlyDictionary<string, string> fields, Func<T> check, ICollection<string>? skip = null)
        {
            var result = default(T);
            try
            {
                result = check();
            }
            catch (RequestValidationException invalid)
            {
                errors.AddRange(Renamed(invalid, path, fields, skip ?? errors.Select(e => e.Field).ToList()));
            }

            if (errors.Count > 0)
            {
                throw new RequestValidationException(errors);
            }

            return result!;
        }

        /// <summary>
        /// The references of a status query, checked: each one this gateway's, with an id <paramref name="problem"/>
        /// accepts (it returns why not, or null).
        /// </summary>
        public static List<MessageReference> CheckReferences(IEnumerable<MessageReference> references, Gateway gateway, Func<MessageReference, string?> problem)
        {
            var all = (references ?? throw new ArgumentNullException(nameof(references))).ToList();
            var errors = new List<ValidationViolation>();
            for (var i = 0; i < all.Count; i++)
            {
                var why = all[i] is null ? "must not be null"
                    : all[i].Gateway != gateway ? $"is a {all[i].Gateway} reference; ask that gateway's client (or a ViberRouter)"
                    : problem(all[i]);
                if (why != null)
                {
                    errors.Add(new ValidationViolation($"references[{i}]", "reference", why));
                }
            }

            if (errors.Count > 0)
            {
                throw new RequestValidationException(errors);
            }

            return all;
        }

        /// <summary>
        /// The statuses of a query, one per reference in order: those <paramref name="unanswerable"/> finds no id in
        /// for this gateway are <see cref="DeliveryState.Unknown"/> with the reason, marked as never answerable (a
        /// follower stops asking); the others are asked with <paramref name="ask"/>, in one call.
        /// </summary>
        public static async Task<IReadOnlyList<DeliveryStatus>> StatusesAsync(IEnumerable<MessageReference> references, Gateway gateway,
            Func<MessageReference, string?> unanswerable, Func<List<MessageReference>, CancellationToken, Task<IReadOnlyList<DeliveryStatus>>> ask,
            CancellationToken cancellationToken)
        {
            var all = CheckReferences(references, gateway, _ => null);
            var statuses = new DeliveryStatus[all.Count];
            var asked = new List<int>();
            for (var i = 0; i < all.Count; i++)
            {
                if (unanswerable(all[i]) is { } why)
                {
                    statuses[i] = new DeliveryStatus(all[i], DeliveryState.Unknown, "") { Error = why, Unanswerable = true };
                }
                else
                {
                    asked.Add(i);
                }
            }

            if (asked.Count > 0)
            {
                var answers = await ask(asked.Select(i => all[i]).ToList(), cancellationToken).ConfigureAwait(false);
                for (var k = 0; k < asked.Count; k++)
                {
                    statuses[asked[k]] = answers[k];
                }
            }

            return statuses;
        }

        /// <summary>The status of a reference the gateway's reply did not report on.</summary>
        public static DeliveryStatus NotReported(MessageReference reference, string why) => new DeliveryStatus(reference, DeliveryState.Unknown, "") { Error = why };
    }
}
