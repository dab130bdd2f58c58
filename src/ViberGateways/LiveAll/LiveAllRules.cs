using System;
using System.Collections.Generic;
using System.Linq;

namespace ViberGateways.LiveAll
{
    /// <summary>
    /// Checks a LiveAll message before any network I/O. Lengths, counts and patterns are the spec's: the message is
    /// mapped to the generated SendIM request and checked against <c>specs/liveall.yaml</c>, each limit reported
    /// under the caller's field. Checked here, each naming its source: recipients as phone numbers, text that every
    /// transport can carry, and the image URL (a list item, which the generated model cannot check).
    /// </summary>
    internal static class LiveAllRules
    {
        /// <summary>The message's recipients, parsed; every violation of the message at once.</summary>
        /// <exception cref="RequestValidationException">The message breaks a rule; nothing is sent.</exception>
        public static List<PhoneNumber> Check(LiveAllMessage message)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));

            var errors = new ValidationErrors();
            var recipients = RecipientRules.Parse(message.Recipients, "message.Recipients", errors);
            CheckContent(message, "message", recipients.Select(r => r.Digits).ToList(), LiveAllMapping.Fields, errors);
            errors.ThrowIfAny();
            return recipients;
        }

        /// <summary>The message a bulk send sends to every recipient (it has none of its own).</summary>
        /// <exception cref="RequestValidationException">The message breaks a rule; nothing is sent.</exception>
        public static void CheckBulkTemplate(LiveAllMessage message)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));

            var errors = new ValidationErrors();
            if (message.Recipients is { Count: > 0 })
            {
                errors.Add("message.Recipients", "bulk", "must be empty: every recipient comes from `recipients`");
            }

            CheckContent(message, "message", new List<string>(), LiveAllMapping.TemplateFields, errors);
            errors.ThrowIfAny();
        }

        /// <summary>One personalised message of a bulk send: exactly one recipient, and the message's rules.</summary>
        /// <exception cref="RequestValidationException">The message breaks a rule; it is not sent.</exception>
        public static PhoneNumber CheckPersonalised(LiveAllMessage? message, string path)
        {
            var errors = new ValidationErrors();
            if (message is null)
            {
                errors.Add(path, "required", "must not be null");
                errors.ThrowIfAny();
            }

            var recipients = RecipientRules.Parse(message!.Recipients, path + ".Recipients", errors);
            if (message.Recipients is { Count: > 1 })
            {
                errors.Add(path + ".Recipients", "maxItems", "a personalised message has exactly one recipient; send one message to many with SendBulkAsync(message, recipients)");
            }

            CheckContent(message, path, recipients.Select(r => r.Digits).ToList(), LiveAllMapping.Fields, errors);
            errors.ThrowIfAny();
            return recipients[0];
        }

        private static void CheckContent(LiveAllMessage message, string path, IList<string> destinations, IReadOnlyDictionary<string, string> fields, ValidationErrors errors)
        {
            TextRules.Present(message.SenderName, path + ".SenderName", errors);
            TextRules.Present(message.Text, path + ".Text", errors);
            if (message.ImageUrl != null)
            {
                UrlRules.Absolute(message.ImageUrl, path + ".ImageUrl", errors);
            }

            TextRules.SendableIfSet(message.Button?.Caption, path + ".Button.Caption", errors);
            if (message.SmsFallback is { } fallback)
            {
                // `senderid` and `sms_text` go with IM_SMSFB (seed 003: "if you defined IM_SMSFB as im_type, then you must set this option").
                TextRules.Present(fallback.SenderId, path + ".SmsFallback.SenderId", errors);
                TextRules.Present(fallback.Text, path + ".SmsFallback.Text", errors);
            }

            SpecLimits.Check(LiveAllMapping.ToSendIm(message, destinations, apiToken: "-"), path, fields, errors);
        }
    }
}
