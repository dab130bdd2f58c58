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

    /// <summary>
    /// The LiveAll client (<c>SendIM</c>, <c>GetSMSStatus</c>, <c>GetAccountBalance</c>), generated from
    /// <c>specs/liveall.yaml</c>. <see cref="SendAsync"/> is a convenience over the generated SendIM: the API token from
    /// the options, the documented limits checked before any I/O, <c>success: false</c> turned into a
    /// <see cref="GatewayRejectedException"/>, and <c>data</c> matched to the recipients.
    /// </summary>
    public partial class LiveAllClient
    {
        private const int MaxTextLength = 1000;
        private const int MaxSenderIdLength = 11;
        private static readonly Regex SenderIdPattern = new Regex(@"^[A-Za-z0-9\-.!#%&()<>]+$", RegexOptions.CultureInvariant);

        /// <inheritdoc />
        public virtual async Task<IReadOnlyList<LiveAllSendResult>> SendAsync(LiveAllMessage message, CancellationToken cancellationToken = default)
        {
            var recipients = Check(message);
            var destinations = recipients.Select(r => r.Digits).ToList();
            var ids = MessageIds(destinations, await SendToAsync(message, destinations, cancellationToken).ConfigureAwait(false));
            return message.Recipients.Select((recipient, i) => ids[i] is { } smsId
                ? new LiveAllSendResult(recipient, smsId)
                : throw new GatewayOutcomeUnknownException($"LiveAll accepted the request but its reply has no message id for recipient {i + 1}", 200, null)).ToList();
        }

        /// <summary>One SendIM request: the message to these destinations; <c>success: false</c> becomes a <see cref="GatewayRejectedException"/>.</summary>
        private async Task<IList<LiveAllDestinationResult>> SendToAsync(LiveAllMessage message, IReadOnlyList<string> destinations, CancellationToken cancellationToken)
        {
            var request = new LiveAllSendImRequest
            {
                Apitoken = Options.RequireApiToken(),
                ImType = message.SmsFallback is null ? LiveAllImType.Im : LiveAllImType.ImWithSmsFallback,
                ImSenderName = message.SenderName,
                ImText = message.Text,
                Destinations = destinations as IList<string> ?? destinations.ToList(),
                ImImageUrls = message.ImageUrl is null ? null : new List<string> { message.ImageUrl },
                ImActions = message.Button is null ? null : new List<LiveAllImAction> { new LiveAllImAction { Caption = message.Button.Caption, Url = message.Button.Url } },
                Senderid = message.SmsFallback?.SenderId,
                Pricecat = message.SmsFallback?.PriceCategory,
                SmsText = message.SmsFallback?.Text,
            };

            LiveAllSendImReply reply;
            using (new RequestDetails(destinations.Count).Declare())
            {
                reply = await SendImAsync(request, cancellationToken).ConfigureAwait(false);
            }

            if (!reply.Success)
            {
                var errors = reply.OperationErrors ?? new List<LiveAllOperationError>();
                var first = errors.FirstOrDefault();
                var described = string.Join("; ", errors.Select(e => $"{e.ErrorCode} {e.ErrorMessage}".Trim()));
                throw new GatewayRejectedException($"LiveAll rejected the message: {(described.Length > 0 ? described : "no reason given")}",
                    first?.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture), first?.ErrorMessage, null);
            }

            return reply.Data ?? new List<LiveAllDestinationResult>();
        }

        /// <summary>
        /// The message id of each destination, in order (null where the reply has none). Objects name their
        /// destination (a destination given twice takes its ids in order); bare ids come in the order of the destinations.
        /// </summary>
        private static long?[] MessageIds(IReadOnlyList<string> destinations, IList<LiveAllDestinationResult> data)
        {
            var named = new Dictionary<string, Queue<long>>(StringComparer.Ordinal);
            foreach (var item in data)
            {
                if (item.Destination != null && item.Smsid is { } id)
                {
                    if (!named.TryGetValue(item.Destination, out var ids))
                    {
                        named[item.Destination] = ids = new Queue<long>();
                    }

                    ids.Enqueue(id);
                }
            }

            var result = new long?[destinations.Count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = named.TryGetValue(destinations[i], out var ids) && ids.Count > 0 ? ids.Dequeue()
                    : i < data.Count && data[i].Destination is null ? data[i].Smsid
                    : null;
            }

            return result;
        }

        private static List<PhoneNumber> Check(LiveAllMessage message)
        {
            if (message is null)
            {
                throw new ArgumentNullException(nameof(message));
            }

            var errors = new ValidationErrors();
            var recipients = RecipientRules.Parse(message.Recipients, "message.Recipients", errors);
            CheckContent(message, "message", errors);
            errors.ThrowIfAny();
            return recipients;
        }

        private static void CheckContent(LiveAllMessage message, string path, ValidationErrors errors)
        {
            TextRules.Required(message.SenderName, path + ".SenderName", int.MaxValue, errors);
            TextRules.Required(message.Text, path + ".Text", MaxTextLength, errors);
            if (message.ImageUrl != null)
            {
                UrlRules.Absolute(message.ImageUrl, path + ".ImageUrl", errors);
            }

            if (message.Button != null)
            {
                TextRules.Required(message.Button.Caption, path + ".Button.Caption", int.MaxValue, errors);
                UrlRules.Absolute(message.Button.Url, path + ".Button.Url", errors);
            }

            if (message.SmsFallback is { } fallback)
            {
                TextRules.Required(fallback.SenderId, path + ".SmsFallback.SenderId", MaxSenderIdLength, errors);
                if (!string.IsNullOrEmpty(fallback.SenderId) && !SenderIdPattern.IsMatch(fallback.SenderId))
                {
                    errors.Add(path + ".SmsFallback.SenderId", "pattern", "may contain only A-Z, a-z, 0-9 and - . ! # % & ( ) < >");
                }

                TextRules.Required(fallback.Text, path + ".SmsFallback.Text", int.MaxValue, errors);
            }
        }
    }
}
