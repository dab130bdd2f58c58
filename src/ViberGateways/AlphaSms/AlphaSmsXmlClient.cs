using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;
using ViberGateways.Http;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// The AlphaSMS XML API client, generated from <c>specs/alphasms-xml.yaml</c>: sends
    /// messages in one package, queries status by client or gateway id, reads the balance. NSwag cannot perform an XML
    /// exchange, so the packages are written and read from the generated models (<c>AlphaSmsXmlClient.Exchange.cs</c>).
    /// </summary>
    internal partial class AlphaSmsXmlClient
    {
        /// <inheritdoc />
        public override AlphaSmsTransport Transport => AlphaSmsTransport.Xml;

        private protected override bool AsksStatusByClientId => true;

        private protected override bool AsksStatusByGatewayId => true;

        /// <summary>One status package with a <c>&lt;msg&gt;</c> query per message (by client id or gateway id); each answered by the reply's <c>&lt;msg&gt;</c> with that <c>id</c> or <c>sms_id</c>.</summary>
        private protected override async Task<IReadOnlyList<AlphaSmsStatusAnswer>> ReadStatusesAsync(IReadOnlyList<AlphaSmsMessageId> messageIds, CancellationToken cancellationToken)
        {
            var package = new AlphaSmsXmlStatusPackage { Key = Options.RequireApiKey() };
            foreach (var messageId in messageIds)
            {
                package.Status.Add(messageId.IsClientId ? new AlphaSmsXmlStatusQuery { Id = messageId.Value } : new AlphaSmsXmlStatusQuery { SmsId = messageId.Value });
            }

            var details = new RequestDetails(0, package, clientIds: messageIds.Where(id => id.IsClientId).Select(id => (long?)id.Value),
                gatewayIds: messageIds.Where(id => !id.IsClientId).Select(id => id.Value.ToString(CultureInfo.InvariantCulture)));
            var results = (await ExchangeAsync(package, 0, cancellationToken, details).ConfigureAwait(false)).Status;
            return AnswersById(messageIds, results, result => result.Id, result => result.SmsId, Answer, "The AlphaSMS XML status reply");
        }

        private static AlphaSmsStatusAnswer Answer(AlphaSmsMessageId messageId, AlphaSmsXmlStatusResult result)
        {
            if (result.Code >= 200)
            {
                var name = AlphaSmsStatusMapping.XmlCodeName(result.Code) ?? "an undocumented error";
                return new AlphaSmsStatusAnswer(new GatewayRejectedException($"AlphaSMS rejected the status query for {messageId}: {result.Code} ({name})",
                    result.Code.ToString(CultureInfo.InvariantCulture), name, null));
            }

            return new AlphaSmsStatusAnswer(new AlphaSmsMessageStatus(AlphaSmsStatusMapping.FromXmlCode(result.Code), result.Code.ToString(CultureInfo.InvariantCulture))
            {
                StatusCode = result.Code,
                ClientId = result.Id,
                GatewayId = result.SmsId,
                Parts = result.SmsCount,
                CompletedAt = result.DateCompleted,
            });
        }

        /// <inheritdoc />
        public override async Task<AlphaSmsBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
        {
            var package = new AlphaSmsXmlBalancePackage { Key = Options.RequireApiKey(), Balance = new AlphaSmsXmlBalanceQuery() };
            var balance = (await ExchangeAsync(package, 0, cancellationToken).ConfigureAwait(false)).Balance;
            return new AlphaSmsBalance(balance?.Amount ?? throw new GatewayException("The AlphaSMS XML balance reply has no amount", 200, null, null, null), balance.Currency);
        }

        private protected override async Task<IReadOnlyList<AlphaSmsSendResult>> SendCheckedAsync(IReadOnlyList<CheckedAlphaSmsMessage> messages, CancellationToken cancellationToken)
        {
            var package = new AlphaSmsXmlSendPackage { Key = Options.RequireApiKey() };
            foreach (var message in messages)
            {
                package.MessageViber.Add((AlphaSmsXmlMessage)message.Wire);
            }

            // With a client id on every message the gateway de-duplicates a repeat (208 ERR_DUPLICATE, "a message with this
            // id exists": reference gateways.md line 51); without, a repeat could send twice. specs/alphasms-xml.yaml
            // declares it (AlphaSmsXmlMessage x-retry-safety: deduplicated by id), and the pipeline reads it from the package.
            var details = new RequestDetails(messages.Count, package, itemsChecked: true, clientIds: package.MessageViber.Select(m => m.Id));
            AlphaSmsXmlReply reply;
            try
            {
                reply = await ExchangeAsync(package, messages.Count, cancellationToken, details).ConfigureAwait(false);
            }
            catch (GatewayException failure) when (failure is GatewayUnavailableException or GatewayOutcomeUnknownException)
            {
                return AlphaSmsSendResults.Failed(messages, failure, i => package.MessageViber[i].Id);
            }

            // The reply table names the element "message"; every example uses "message-viber": either is read.
            var results = reply.MessageViber ?? reply.Message;
            if (results is null)
            {
                var unknown = new GatewayOutcomeUnknownException("The AlphaSMS XML send reply has no message results; the messages may have been accepted", 200, null);
                return AlphaSmsSendResults.Failed(messages, unknown, i => package.MessageViber[i].Id);
            }

            return messages.Select((message, i) => Result(message, package.MessageViber[i], i < results.Count ? results[i] : null)).ToList();
        }

        private static AlphaSmsSendResult Result(CheckedAlphaSmsMessage message, AlphaSmsXmlMessage sent, AlphaSmsXmlSendResult? result)
        {
            if (result is null)
            {
                return new AlphaSmsSendResult(message.Index, message.Message.Recipient, SendOutcome.Unknown)
                {
                    ClientId = sent.Id,
                    Error = "The AlphaSMS reply carried no result for this message",
                };
            }

            // Codes below 200 are message states (1 accepted, 100 scheduled, …); 200 and above are errors (reference
            // gateways.md line 48), except 208 ERR_DUPLICATE, "a message with this id exists" (line 51): for a msg that
            // carried an id, the message with that id is in the account — the first attempt's when the SDK repeated the
            // package, or the earlier send when the caller resent with the same reference — so it is accepted (and never
            // moved to another gateway). Its msg_id is not documented for 208: the result keeps the client id, which asks
            // the status. A 208 to a msg sent without an id contradicts the document: its outcome is unknown.
            var duplicate = result.Code == (int)AlphaSmsXmlMessageStatusCode.ErrDuplicate;
            if (duplicate && sent.Id is null)
            {
                return new AlphaSmsSendResult(message.Index, message.Message.Recipient, SendOutcome.Unknown)
                {
                    ErrorCode = result.Code.ToString(CultureInfo.InvariantCulture),
                    Error = "208 (ErrDuplicate) for a message sent without an id: not documented, so its outcome is unknown",
                };
            }

            var accepted = result.Code < 200 || duplicate;
            return new AlphaSmsSendResult(message.Index, message.Message.Recipient, accepted ? SendOutcome.Accepted : SendOutcome.Rejected)
            {
                ClientId = result.Id ?? sent.Id,
                GatewayId = accepted && result.MsgId > 0 ? result.MsgId : null,
                ErrorCode = accepted ? null : result.Code.ToString(CultureInfo.InvariantCulture),
                Error = accepted ? null : $"{result.Code} ({AlphaSmsStatusMapping.XmlCodeName(result.Code) ?? "an undocumented error"})",
            };
        }
    }
}
