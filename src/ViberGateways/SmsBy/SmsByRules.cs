using System;
using System.Collections.Generic;
using System.Linq;

namespace ViberGateways.SmsBy
{
    /// <summary>
    /// Checks an SMS.by message before any network I/O. Lengths and patterns are the spec's: the message is mapped to
    /// the generated quick-message form or sendBulkViber mailing and checked against <c>specs/smsby.yaml</c>, each limit
    /// reported under the caller's field. The content rules no spec can state are checked here, each naming the line
    /// of seed 004 it implements.
    /// </summary>
    internal static class SmsByRules
    {
        /// <summary>Whether the message goes out as a mailing (several recipients, a schedule or a name) rather than a quick message.</summary>
        public static bool IsMailing(SmsByMessage message, int recipients) =>
            recipients > 1 || message.ScheduledAt != null || message.MailingName != null || message.SendAsMailing;

        /// <summary>The message's recipients, parsed; every violation of the message at once.</summary>
        /// <exception cref="RequestValidationException">The message breaks a rule; nothing is sent.</exception>
        public static List<PhoneNumber> Check(SmsByMessage message)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));

            var errors = new ValidationErrors();
            var recipients = RecipientRules.Parse(message.Recipients, "message.Recipients", errors);
            var mailing = IsMailing(message, recipients.Count);
            CheckContent(message, mailing, errors);
            var digits = recipients.Select(r => r.Digits).ToList();
            if (mailing)
            {
                SpecLimits.Check(SmsByMapping.ToSameMessageMailing(message, digits), "message", SmsByMapping.MailingFields, errors);
            }
            else
            {
                SpecLimits.Check(SmsByMapping.ToQuickMessage(message, digits.FirstOrDefault() ?? "", token: "-"), "message", SmsByMapping.QuickMessageFields, errors);
            }

            errors.ThrowIfAny();
            return recipients;
        }

        /// <summary>The mailing a bulk send sends to every recipient (it has none of its own), as a bulk or personal mailing.</summary>
        /// <exception cref="RequestValidationException">The message breaks a rule; nothing is sent.</exception>
        public static void CheckBulkTemplate(SmsByMessage message, bool personal)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));

            var errors = new ValidationErrors();
            if (message.Recipients is { Count: > 0 })
            {
                errors.Add("message.Recipients", "bulk", "must be empty: every recipient comes from `recipients`");
            }

            if (!personal)
            {
                CheckContent(message, mailing: true, errors);
            }
            else
            {
                // Seed 004: a `personal` mailing passes "the message text and phone number each time".
                if (message.Text != null)
                {
                    errors.Add("message.Text", "bulk", "must be empty: each personal recipient carries its own text");
                }

                TextRules.SendableIfSet(message.Button?.Caption, "message.Button.Caption", errors);
                if (message.Button != null && message.ImageUrl is null)
                {
                    errors.Add("message.ImageUrl", "required", "a mailing with a button needs an image (sendBulkViber's button variant)");
                }
                else if (message.Button is null && message.ImageUrl != null)
                {
                    // Seed 004: "The image option can only be used in a mailing with message_type = bulk."
                    errors.Add("message.ImageUrl", "content", "a personal mailing shows an image only above a button (SMS.by sends an image alone only as a bulk mailing)");
                }
            }

            SpecLimits.Check(SmsByMapping.ToSameMessageMailing(message, new List<string>()), "message", SmsByMapping.TemplateMailingFields, errors);
            errors.ThrowIfAny();
        }

        /// <summary>One recipient of a personal mailing, with its own text and, for a button mailing, its own link.</summary>
        /// <exception cref="RequestValidationException">The recipient breaks a rule; it is not sent to.</exception>
        public static SmsByPersonalDelivery PersonalDelivery(SmsByMessage message, SmsByPersonalRecipient? recipient, string path)
        {
            var errors = new ValidationErrors();
            if (recipient is null)
            {
                errors.Add(path, "required", "must not be null");
                errors.ThrowIfAny();
            }

            var phone = RecipientRules.ParseOne(recipient!.Phone, path + ".Phone");
            TextRules.Present(recipient.Text, path + ".Text", errors);
            if (recipient.ButtonUrl != null && message.Button is null)
            {
                errors.Add(path + ".ButtonUrl", "content", "the message has no button to link");
            }

            var delivery = SmsByMapping.ToPersonalDelivery(message, recipient, phone.Digits);
            SpecLimits.Check(delivery, path, SmsByMapping.PersonalDeliveryFields, errors);
            errors.ThrowIfAny();
            return delivery;
        }

        /// <summary>
        /// The content rules of seed 004: "three options: text, image or button" — a quick message's
        /// <c>type_message</c> TEXT needs <c>message</c>, IMAGE an image, BUTTON <c>button</c> and <c>button_link</c>;
        /// sendBulkViber's button variant carries text, an image and the button.
        /// </summary>
        private static void CheckContent(SmsByMessage message, bool mailing, ValidationErrors errors)
        {
            TextRules.SendableIfSet(message.Text, "message.Text", errors);
            TextRules.SendableIfSet(message.Button?.Caption, "message.Button.Caption", errors);
            if (message.Button != null)
            {
                if (message.Text is null)
                {
                    errors.Add("message.Text", "required", "a button needs text to go with it");
                }
            }
            else if (message.Text != null && message.ImageUrl != null)
            {
                errors.Add("message", "content", "SMS.by sends an image alone, or text, image and button together; add a button or drop the image");
            }
            else if (message.Text is null && message.ImageUrl is null)
            {
                errors.Add("message", "content", "needs Text, ImageUrl or both with a Button");
            }

            if (mailing && message.Button != null && message.ImageUrl is null)
            {
                errors.Add("message.ImageUrl", "required", "a mailing with a button needs an image (sendBulkViber's button variant)");
            }
        }
    }
}
