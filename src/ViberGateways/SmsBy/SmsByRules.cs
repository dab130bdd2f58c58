namespace ViberGateways.SmsBy
{
    /// <summary>
    /// What SMS.by can send of a <see cref="ViberMessage"/>, checked before any network I/O. Lengths and patterns are the
    /// spec's: the message is mapped to the generated quick-message form or sendBulkViber mailing and checked against
    /// <c>specs/smsby.yaml</c>, each limit reported under the caller's field. The content rules no spec can state are
    /// checked here, each naming the line of seed 004 it implements.
    /// </summary>
    internal static class SmsByRules
    {
        /// <summary>
        /// Whether the message goes out as a mailing (several recipients, a schedule or a name) rather than a quick message.
        /// A sender id the message gives is of the kind its whole recipient list needs (an alpha name for several): a part
        /// split off by a router keeps that kind of send. Without one, the options give the part's kind.
        /// </summary>
        public static bool IsMailing(ViberMessage message)
        {
            var recipients = message.SmsBy?.SenderId is null ? message.Recipients?.Count ?? 0 : message.OriginalRecipientCount;
            return message.Recipients is null || recipients > 1 || message.ScheduledAt != null || message.SmsBy?.MailingName != null;
        }

        /// <summary>The message's fields SMS.by's Viber methods have no place for.</summary>
        public static void CheckCarried(ViberMessage message, string path, ValidationErrors errors)
        {
            if (message.SmsFallback != null)
            {
                NeutralResults.NotCarried(errors, path, nameof(ViberMessage.SmsFallback), "SMS.by", "its Viber methods send no SMS of a text of its own");
            }

            if (message.Lifetime != null)
            {
                NeutralResults.NotCarried(errors, path, nameof(ViberMessage.Lifetime), "SMS.by", "its Viber methods have no message lifetime");
            }
        }

        /// <summary>
        /// The content rules of seed 004: "three options: text, image or button" — a quick message's
        /// <c>type_message</c> TEXT needs <c>message</c>, IMAGE an image, BUTTON <c>button</c> and <c>button_link</c>;
        /// sendBulkViber's button variant carries text, an image and the button.
        /// </summary>
        public static void CheckContent(ViberMessage message, string path, bool mailing, ValidationErrors errors)
        {
            TextRules.SendableIfSet(message.Text, path + ".Text", errors);
            ButtonRules.Check(message.Button, path, errors);
            if (message.Button != null)
            {
                if (message.Text is null)
                {
                    errors.Add(path + ".Text", "required", "a button needs text to go with it");
                }
            }
            else if (message.Text != null && message.ImageUrl != null)
            {
                errors.Add(path, "content", "SMS.by sends an image alone, or text, image and button together; add a button or drop the image");
            }
            else if (message.Text is null && message.ImageUrl is null)
            {
                errors.Add(path, "content", "needs Text, ImageUrl or both with a Button");
            }

            if (mailing && message.Button != null && message.ImageUrl is null)
            {
                errors.Add(path + ".ImageUrl", "required", "a mailing with a button needs an image (sendBulkViber's button variant)");
            }
        }
    }
}
