using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Http;

namespace ViberGateways.LiveAll
{
    public partial interface ILiveAllClient
    {
        /// <summary>Sends one Viber message to its recipients through SendIM, after checking it against LiveAll's documented limits.</summary>
        /// <param name="message">The message.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The message id of every recipient, in the order given.</returns>
        Task<IReadOnlyList<LiveAllSendResult>> SendAsync(LiveAllMessage message, CancellationToken cancellationToken = default);
    }

    // A convenience over the generated SendIM: the API token from the options, the documented limits checked
    // before any I/O, `success: false` turned into a GatewayException, and `data` matched to the recipients.
    public partial class LiveAllClient
    {
        private const int MaxTextLength = 1000;
        private const int MaxSenderIdLength = 11;
        private static readonly Regex SenderIdPattern = new Regex(@"^[A-Za-z0-9\-.!#%&()<>]+$", RegexOptions.CultureInvariant);

        /// <inheritdoc />
        public virtual async Task<IReadOnlyList<LiveAllSendResult>> SendAsync(LiveAllMessage message, CancellationToken cancellationToken = default)
        {
            var recipients = Check(message);
            var request = new LiveAllSendImRequest
            {
                Apitoken = Options.RequireApiToken(),
                ImType = message.SmsFallback is null ? LiveAllImType.Im : LiveAllImType.ImWithSmsFallback,
                ImSenderName = message.SenderName,
                ImText = message.Text,
                Destinations = recipients.Select(r => r.Digits).ToList(),
                ImImageUrls = message.ImageUrl is null ? null : new List<string> { message.ImageUrl },
                ImActions = message.Button is null ? null : new List<LiveAllImAction> { new LiveAllImAction { Caption = message.Button.Caption, Url = message.Button.Url } },
                Senderid = message.SmsFallback?.SenderId,
                Pricecat = message.SmsFallback?.PriceCategory,
                SmsText = message.SmsFallback?.Text,
            };

            var call = new GatewayCall("LiveAll", "SendIM", RetrySafety.NotRepeatable, recipients.Count);
            var reply = await GatewaySends.RunAsync(call, () => SendImAsync(request, cancellationToken)).ConfigureAwait(false);
            if (!reply.Success)
            {
                var errors = reply.OperationErrors ?? new List<LiveAllOperationError>();
                var first = errors.FirstOrDefault();
                var described = string.Join("; ", errors.Select(e => $"{e.ErrorCode} {e.ErrorMessage}".Trim()));
                throw new GatewayRejectedException($"LiveAll rejected the message: {(described.Length > 0 ? described : "no reason given")}",
                    first?.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture), first?.ErrorMessage, null);
            }

            var data = reply.Data ?? new List<LiveAllDestinationResult>();
            return message.Recipients.Select((recipient, i) =>
            {
                // Objects name their destination; bare ids come in the order of the destinations.
                var item = data.FirstOrDefault(d => d.Destination == recipients[i].Digits) ?? (i < data.Count && data[i].Destination is null ? data[i] : null);
                return item?.Smsid is { } smsId
                    ? new LiveAllSendResult(recipient, smsId)
                    : throw new GatewayException($"The LiveAll reply has no message id for recipient {i + 1}", 200, null, null, null);
            }).ToList();
        }

        private static List<PhoneNumber> Check(LiveAllMessage message)
        {
            if (message is null)
            {
                throw new ArgumentNullException(nameof(message));
            }

            var errors = new ValidationErrors();
            var recipients = RecipientRules.Parse(message.Recipients, "message.Recipients", errors);

            TextRules.Required(message.SenderName, "message.SenderName", int.MaxValue, errors);
            TextRules.Required(message.Text, "message.Text", MaxTextLength, errors);
            if (message.ImageUrl != null)
            {
                UrlRules.Absolute(message.ImageUrl, "message.ImageUrl", errors);
            }

            if (message.Button != null)
            {
                TextRules.Required(message.Button.Caption, "message.Button.Caption", int.MaxValue, errors);
                UrlRules.Absolute(message.Button.Url, "message.Button.Url", errors);
            }

            if (message.SmsFallback is { } fallback)
            {
                TextRules.Required(fallback.SenderId, "message.SmsFallback.SenderId", MaxSenderIdLength, errors);
                if (!string.IsNullOrEmpty(fallback.SenderId) && !SenderIdPattern.IsMatch(fallback.SenderId))
                {
                    errors.Add("message.SmsFallback.SenderId", "pattern", "may contain only A-Z, a-z, 0-9 and - . ! # % & ( ) < >");
                }

                TextRules.Required(fallback.Text, "message.SmsFallback.Text", int.MaxValue, errors);
            }

            errors.ThrowIfAny();
            return recipients;
        }
    }
}
