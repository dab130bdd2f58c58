using System.Collections.Generic;
using System.Linq;

namespace ViberGateways.LiveAll
{
    /// <summary>
    /// A <see cref="ViberMessage"/> as the generated SendIM request, and which message field each request field carries
    /// (so a limit the spec puts on <c>im_text</c> is reported as the caller's <c>Text</c>).
    /// </summary>
    internal static class LiveAllMapping
    {
        // Keyed by the generated model's property (as SpecLimits names it), so no wire name is written here.
        public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
        {
            [nameof(LiveAllSendImRequest.Destinations)] = nameof(ViberMessage.Recipients),
            [nameof(LiveAllSendImRequest.ImSenderName)] = nameof(ViberMessage.Sender),
            [nameof(LiveAllSendImRequest.ImText)] = nameof(ViberMessage.Text),
            [nameof(LiveAllSendImRequest.ImImageUrls)] = nameof(ViberMessage.ImageUrl),
            [$"{nameof(LiveAllSendImRequest.ImActions)}[0].{nameof(LiveAllImAction.Caption)}"] = "Button.Caption",
            [$"{nameof(LiveAllSendImRequest.ImActions)}[0].{nameof(LiveAllImAction.Url)}"] = "Button.Url",
            [nameof(LiveAllSendImRequest.Senderid)] = "SmsFallback.Sender",
            [nameof(LiveAllSendImRequest.Pricecat)] = "LiveAll.LowCostSms",
            [nameof(LiveAllSendImRequest.SmsText)] = "SmsFallback.Text",
        };

        /// <summary>The fields of a bulk send's message, whose recipients come later.</summary>
        public static readonly IReadOnlyDictionary<string, string> TemplateFields =
            Fields.ToDictionary(pair => pair.Key, pair => pair.Key == nameof(LiveAllSendImRequest.Destinations) ? "" : pair.Value);

        /// <summary>
        /// The SendIM request of <paramref name="message"/> to <paramref name="destinations"/> (digits): the senders
        /// the message leaves out are the configured ones, and the SMS fallback's price category is
        /// <see cref="LiveAllMessageOptions.LowCostSms"/>.
        /// </summary>
        public static LiveAllSendImRequest ToSendIm(ViberMessage message, LiveAllOptions options, IList<string> destinations, string apiToken) => new LiveAllSendImRequest
        {
            Apitoken = apiToken,
            ImType = message.SmsFallback is null ? LiveAllImType.Im : LiveAllImType.ImWithSmsFallback,
            ImSenderName = message.Sender ?? options.Sender ?? "",
            ImText = message.Text ?? "",
            Destinations = destinations,
            ImImageUrls = message.ImageUrl is null ? null : new List<string> { message.ImageUrl },
            ImActions = message.Button is null ? null : new List<LiveAllImAction> { new LiveAllImAction { Caption = message.Button.Caption, Url = message.Button.Url } },
            Senderid = message.SmsFallback is null ? null : message.SmsFallback.Sender ?? options.SmsSender ?? "",
            Pricecat = message.SmsFallback is null ? null : message.LiveAll?.LowCostSms == true ? LiveAllPriceCategory.LowCost : LiveAllPriceCategory.Normal,
            SmsText = message.SmsFallback?.Text,
        };
    }
}
