using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ViberGateways.Bulk;

namespace ViberGateways.LiveAll
{
    // Bulk sends over SendIM: `destinations` carries one text to many, so a message's recipients are grouped into
    // requests (up to 1000 unless set; LiveAll documents no maximum) — the one message to many as one whole, each
    // personalised message on its own, as SendAsync(message) sends it. SendIM carries one text per request, so no
    // request mixes two messages.
    internal partial class LiveAllClient
    {
        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(ViberMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options, CancellationToken cancellationToken) =>
            BulkRecipients.OneToMany(message, recipients, options, template =>
            {
                LiveAllRules.CheckBulkTemplate(template, Options);
                return template;
            }, (template, _) => BulkRecipients.OneToManyPlan(Gateway.LiveAll, template, (entries, request, cancellation) => SendRequestAsync(
                LiveAllMapping.ToSendIm(template, Options, entries.Select(entry => entry.Item).ToList(), apiToken: "-"),
                entries, entry => template.ClientIdOfBulkRecipient(entry.Index), request, null, cancellation)), cancellationToken);

        /// <inheritdoc />
        /// <remarks>
        /// Each recipient is one entry of the bulk send, as on every gateway (<see cref="SendResult.Index"/> counts
        /// recipients, message by message; client ids as for one message). A message's recipients go in one SendIM
        /// request, or several when <see cref="BulkSendOptions.MaxRecipientsPerRequest"/> or
        /// <see cref="BulkSendOptions.MaxMessagesPerSecond"/> keeps requests smaller: its reply gives each
        /// destination its own smsid, so every recipient keeps its own result, and a refused request refuses only them.
        /// </remarks>
        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(IAsyncEnumerable<ViberMessage> messages, BulkSendOptions? options, CancellationToken cancellationToken) =>
            BulkRecipients.Personalised(Gateway.LiveAll, messages, options, (message, path) => LiveAllRules.CheckBulkMessage(message, path, Options), static violations => violations,
                (entries, request, cancellation) => SendRequestAsync(
                    LiveAllMapping.ToSendIm(entries[0].Item.Message, Options, entries.Select(entry => entry.Item.Digits).ToList(), apiToken: "-"),
                    entries, entry => entry.Item.ClientId, request, null, cancellation), cancellationToken);
    }
}
