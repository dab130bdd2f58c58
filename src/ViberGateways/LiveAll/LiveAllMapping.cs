using System.Collections.Generic;
using System.Linq;

namespace ViberGateways.LiveAll
{
    /// <summary>
    /// A <see cref="LiveAllMessage"/> as the generated SendIM request, and which of its fields carries which message
    /// field (so a limit the spec puts on <c>im_text</c> is reported as the caller's <c>Text</c>).
    /// </summary>
    internal static class LiveAllMapping
    {
        // Keyed by the generated model's property (as SpecLimits names it), so no wire name is written here.
        public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
        {
            [nameof(LiveAllSendImRequest.Destinations)] = nameof(LiveAllMessage.Recipients),
            [nameof(LiveAllSendImRequest.ImSenderName)] = nameof(LiveAllMessage.SenderName),
            [nameof(LiveAllSendImRequest.ImText)] = nameof(LiveAllMessage.Text),
            [nameof(LiveAllSendImRequest.ImImageUrls)] = nameof(LiveAllMessage.ImageUrl),
            [$"{nameof(LiveAllSendImRequest.ImActions)}[0].{nameof(LiveAllImAction.Caption)}"] = "Button.Caption",
            [$"{nameof(LiveAllSendImRequest.ImActions)}[0].{nameof(LiveAllImAction.Url)}"] = "Button.Url",
            [nameof(LiveAllSendImRequest.Senderid)] = "SmsFallback.SenderId",
            [nameof(LiveAllSendImRequest.Pricecat)] = "SmsFallback.PriceCategory",
            [nameof(LiveAllSendImRequest.SmsText)] = "SmsFallback.Text",
        };

        /// <summary>The fields of a bulk send's message, whose recipients come later.</summary>
        public static readonly IReadOnlyDictionary<string, string> TemplateFields =
            Fields.ToDictionary(pair => pair.Key, pair => pair.Key == nameof(LiveAllSendImRequest.Destinations) ? "" : pair.Value);

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
