using System.Collections.Generic;
using System.Linq;

namespace ViberGateways.LiveAll
{
    /// <summary>
    /// A <see cref="LiveAllMessage"/> as the generated SendIM request, and which wire field carries which message
    /// field (so a limit the spec puts on <c>im_text</c> is reported as the caller's <c>Text</c>).
    /// </summary>
    internal static class LiveAllMapping
    {
        public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
        {
            ["destinations"] = nameof(LiveAllMessage.Recipients),
            ["im_sender_name"] = nameof(LiveAllMessage.SenderName),
            ["im_text"] = nameof(LiveAllMessage.Text),
            ["im_image_urls"] = nameof(LiveAllMessage.ImageUrl),
            ["im_actions[0].caption"] = "Button.Caption",
            ["im_actions[0].url"] = "Button.Url",
            ["senderid"] = "SmsFallback.SenderId",
            ["pricecat"] = "SmsFallback.PriceCategory",
            ["sms_text"] = "SmsFallback.Text",
        };

        /// <summary>The fields of a bulk send's message, whose recipients come later.</summary>
        public static readonly IReadOnlyDictionary<string, string> TemplateFields =
            Fields.ToDictionary(pair => pair.Key, pair => pair.Key == "destinations" ? "" : pair.Value);

        public static LiveAllSendImRequest ToSendIm(LiveAllMessage message, IList<string> destinations, string apiToken) => new LiveAllSendImRequest
        {
            Apitoken = apiToken,
            ImType = message.SmsFallback is null ? LiveAllImType.Im : LiveAllImType.ImWithSmsFallback,
            ImSenderName = message.SenderName,
            ImText = message.Text,
            Destinations = destinations,
            ImImageUrls = message.ImageUrl is null ? null : new List<string> { message.ImageUrl },
            ImActions = message.Button is null ? null : new List<LiveAllImAction> { new LiveAllImAction { Caption = message.Button.Caption, Url = message.Button.Url } },
            Senderid = message.SmsFallback?.SenderId,
            Pricecat = message.SmsFallback?.PriceCategory,
            SmsText = message.SmsFallback?.Text,
        };
    }
}
