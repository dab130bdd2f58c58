using System.Collections.Generic;
using System.Linq;

namespace ViberGateways.LiveAll
{
    /// <summary>
    /// Checks a message before any network I/O. Lengths, counts and patterns are the spec's: the message is mapped to
    /// the generated SendIM request and checked against <c>specs/liveall.yaml</c>, each limit reported under the
    /// caller's field. Checked here, each naming its source: what SendIM cannot carry, the senders the message and the
    /// options leave out, recipients as phone numbers, text that every transport can carry, and the image URL (a list
    /// item, which the generated model cannot check).
    /// </summary>
    internal static class LiveAllRules
    {
        /// <summary>The message's SendIM request (its API token not yet set) and its recipients' digits; every violation at once.</summary>
        /// <exception cref="RequestValidationException">The message breaks a rule; nothing is sent.</exception>
        public static CheckedMessage<LiveAllSendImRequest> Check(ViberMessage? message, string path, LiveAllOptions options)
        {
            _ = message ?? throw RequestValidationException.Of(path, "required", "must not be null");
            var errors = new ValidationErrors();
            CheckCarried(message, path, options, errors);
            var digits = RecipientRules.Parse(message.Recipients, path + ".Recipients", errors).Select(r => r.Digits).ToList();
            message.CheckClientIds(path, errors);
            var request = CheckContent(message, path, options, digits, LiveAllMapping.Fields, errors);
            errors.ThrowIfAny();
            return new CheckedMessage<LiveAllSendImRequest>(request, digits, message);
        }

        /// <summary>The message a bulk send sends to every recipient (it has none of its own).</summary>
        /// <exception cref="RequestValidationException">The message breaks a rule; nothing is sent.</exception>
        public static void CheckBulkTemplate(ViberMessage message, LiveAllOptions options)
        {
            var errors = new ValidationErrors();
            CheckCarried(message, "message", options, errors);
            NeutralResults.NoRecipientsInTemplate(message, "message", errors);

            CheckContent(message, "message", options, new List<string>(), LiveAllMapping.TemplateFields, errors);
            errors.ThrowIfAny();
        }

        /// <summary>
        /// A personalised bulk send's message, all but its recipients (each is checked as it is read): the violations,
        /// none when it can be sent. Every recipient of a message with violations is rejected with them.
        /// </summary>
        public static IReadOnlyList<ValidationViolation> CheckBulkMessage(ViberMessage message, string path, LiveAllOptions options)
        {
            var errors = new ValidationErrors();
            CheckCarried(message, path, options, errors);
            CheckContent(message, path, options, new List<string>(), LiveAllMapping.TemplateFields, errors);
            return errors.Violations;
        }

        /// <summary>What SendIM has no field for, an option it would ignore, and the senders neither the message nor the options give.</summary>
        private static void CheckCarried(ViberMessage message, string path, LiveAllOptions options, ValidationErrors errors)
        {
            if (message.Lifetime != null)
            {
                NeutralResults.NotCarried(errors, path, nameof(ViberMessage.Lifetime), "LiveAll", "SendIM has no message lifetime");
            }

            if (message.ScheduledAt != null)
            {
                NeutralResults.NotCarried(errors, path, nameof(ViberMessage.ScheduledAt), "LiveAll", "SendIM has no scheduled send");
            }

            if (message.LiveAll?.LowCostSms == true && message.SmsFallback is null)
            {
                // `pricecat` goes with IM_SMSFB (seed 003: "it is the price category for SMS"); without a fallback there is no SMS to price.
                NeutralResults.NotCarried(errors, path, nameof(ViberMessage.LiveAll) + "." + nameof(LiveAllMessageOptions.LowCostSms), "LiveAll",
                    $"pricecat, the price category of the SMS fallback, is sent only with {path}.{nameof(ViberMessage.SmsFallback)}");
            }

            if (string.IsNullOrWhiteSpace(message.Sender ?? options.Sender))
            {
                errors.Add(path + "." + nameof(ViberMessage.Sender), "required",
                    $"LiveAll needs an approved Viber sender name: set {path}.{nameof(ViberMessage.Sender)} or {nameof(LiveAllOptions)}.{nameof(LiveAllOptions.Sender)}");
            }

            if (message.SmsFallback is { } fallback && string.IsNullOrWhiteSpace(fallback.Sender ?? options.SmsSender))
            {
                errors.Add(path + ".SmsFallback.Sender", "required",
                    $"LiveAll's SMS fallback needs an SMS sender id: set {path}.SmsFallback.Sender or {nameof(LiveAllOptions)}.{nameof(LiveAllOptions.SmsSender)}");
            }
        }

        /// <summary>The message's request to <paramref name="destinations"/>, its content checked; a field already found wrong gets no second violation.</summary>
        private static LiveAllSendImRequest CheckContent(ViberMessage message, string path, LiveAllOptions options, IList<string> destinations,
            IReadOnlyDictionary<string, string> fields, ValidationErrors errors)
        {
            var request = LiveAllMapping.ToSendIm(message, options, destinations, apiToken: "-");
            if (!errors.Has(path + ".Sender"))
            {
                TextRules.Present(request.ImSenderName, path + ".Sender", errors);
            }

            TextRules.Present(request.ImText, path + ".Text", errors);
            if (message.ImageUrl != null)
            {
                UrlRules.Absolute(message.ImageUrl, path + ".ImageUrl", errors);
            }

            ButtonRules.Check(message.Button, path, errors);
            if (message.SmsFallback is { } fallback)
            {
                // `senderid` and `sms_text` go with IM_SMSFB (seed 003: "if you defined IM_SMSFB as im_type, then you must set this option").
                if (!errors.Has(path + ".SmsFallback.Sender"))
                {
                    TextRules.Present(request.Senderid, path + ".SmsFallback.Sender", errors);
                }

                TextRules.Present(fallback.Text, path + ".SmsFallback.Text", errors);
            }

            SpecLimits.Check(request, path, fields, errors);
            return request;
        }
    }
}
