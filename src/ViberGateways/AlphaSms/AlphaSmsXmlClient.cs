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

        /// <summary>One status package with a <c>&lt;msg&gt;</c> query per message (by client id or gateway id); each answered by the reply's <c>&lt;msg&gt;</c> with that <c>id</c> or <c>sms_id</c>.</summary>
        private protected override async Task<IReadOnlyList<DeliveryStatus>> ReadStatusesAsync(IReadOnlyList<(MessageReference Reference, AlphaSmsMessageId Id)> asked,
            CancellationToken cancellationToken)
        {
            var package = new AlphaSmsXmlStatusPackage
            {
                Key = Options.RequireApiKey(),
                Status = asked.Select(a => a.Id.IsClientId ? new AlphaSmsXmlStatusQuery { Id = a.Id.Value } : new AlphaSmsXmlStatusQuery { SmsId = a.Id.Value }).ToList(),
            };

            var details = new RequestDetails(0, package, clientIds: asked.Where(a => a.Id.IsClientId).Select(a => (long?)a.Id.Value),
                gatewayIds: asked.Where(a => !a.Id.IsClientId).Select(a => a.Id.Value.ToString(CultureInfo.InvariantCulture)));
            var results = (await ExchangeAsync(package, 0, cancellationToken, details).ConfigureAwait(false)).Status;
            return StatusesById(asked, results, result => result.Id, result => result.SmsId, Status, "The AlphaSMS XML status reply");
        }

        private static DeliveryStatus Status(MessageReference reference, AlphaSmsMessageId id, AlphaSmsXmlStatusResult result)
        {
            if (result.Code >= 200)
            {
                var name = AlphaSmsStatusMapping.XmlCodeName(result.Code) ?? "an undocumented error";
                return AlphaSmsMapping.Refused(reference, new GatewayRejectedException($"AlphaSMS rejected the status query for {id}: {result.Code} ({name})",
                    result.Code.ToString(CultureInfo.InvariantCulture), name, null));
            }

            return AlphaSmsMapping.Status(reference, AlphaSmsStatusMapping.FromXmlCode(result.Code), result.Code.ToString(CultureInfo.InvariantCulture), new[] { result.DateCompleted });
        }

        private protected override async Task<AccountBalance> ReadBalanceAsync(CancellationToken cancellationToken)
        {
            var package = new AlphaSmsXmlBalancePackage { Key = Options.RequireApiKey(), Balance = new AlphaSmsXmlBalanceQuery() };
            var balance = (await ExchangeAsync(package, 0, cancellationToken).ConfigureAwait(false)).Balance;
            return new AccountBalance(Gateway.AlphaSms, balance?.Amount ?? throw new GatewayException("The AlphaSMS XML balance reply has no amount", 200, null, null, null), balance.Currency);
        }

        private protected override async Task<IReadOnlyList<SendResult>> SendRequestAsync(IReadOnlyList<BulkEntry<object>> entries, CancellationToken cancellationToken)
        {
            var package = new AlphaSmsXmlSendPackage { Key = Options.RequireApiKey(), MessageViber = new List<AlphaSmsXmlMessage>(entries.Count) };
            foreach (var entry in entries)
            {
                package.MessageViber.Add((AlphaSmsXmlMessage)entry.Item);
            }

            // With a client id on every message the gateway de-duplicates a repeat (208 ERR_DUPLICATE, "a message with this
            // id exists": reference gateways.md line 51); without, a repeat could send twice. specs/alphasms-xml.yaml
            // declares it (AlphaSmsXmlMessage x-retry-safety: deduplicated by id), and the pipeline reads it from the package.
            var details = new RequestDetails(entries.Count, package, itemsChecked: true, clientIds: package.MessageViber.Select(m => m.Id));
            AlphaSmsXmlReply reply;
            try
            {
                reply = await ExchangeAsync(package, entries.Count, cancellationToken, details).ConfigureAwait(false);
            }
            catch (GatewayException failure) when (failure is GatewayUnavailableException or GatewayOutcomeUnknownException)
            {
                return entries.Select(entry => AlphaSmsMapping.Failed(entry, failure)).ToList();
            }

            // The reply table names the element "message"; every example uses "message-viber": either is read.
            var results = reply.MessageViber ?? reply.Message;
            if (results is null)
            {
                var unknown = new GatewayOutcomeUnknownException("The AlphaSMS XML send reply has no message results; the messages may have been accepted", 200, null);
                return entries.Select(entry => AlphaSmsMapping.Failed(entry, unknown)).ToList();
            }

            return entries.Select((entry, i) => Result(entry, i < results.Count ? results[i] : null, details.Attempts)).ToList();
        }

        private static SendResult Result(BulkEntry<object> entry, AlphaSmsXmlSendResult? result, int attempts)
        {
            var sent = (AlphaSmsXmlMessage)entry.Item;
            var sentId = sent.Id;
            if (result is null)
            {
                return AlphaSmsMapping.Result(entry, SendOutcome.Unknown, sentId, error: "The AlphaSMS reply carried no result for this message");
            }

            // Codes below 200 are message states (1 accepted, 100 scheduled, …); 200 and above are errors (reference
            // gateways.md line 48), except as OutcomeOf reads 208. Its msg_id is not documented for 208: the result
            // keeps the client id. Every msg carries an id (AlphaSmsMapping.ClientIdOf assigns one), so a 208 always names one.
            var outcome = OutcomeOf(result, sent, attempts);
            var accepted = outcome == SendOutcome.Accepted;
            return AlphaSmsMapping.Result(entry, outcome, result.Id ?? sentId, accepted && result.MsgId > 0 ? result.MsgId : null,
                errorCode: accepted ? null : result.Code.ToString(CultureInfo.InvariantCulture),
                error: outcome switch
                {
                    SendOutcome.Accepted => null,
                    SendOutcome.Unknown => $"{result.Code} (ErrDuplicate) to the first attempt: the account has a message with the id the SDK gave this one, "
                        + "either this one (a layer below the SDK may have repeated the request) or another; a status query by the id cannot tell which",
                    _ => $"{result.Code} ({AlphaSmsStatusMapping.XmlCodeName(result.Code) ?? "an undocumented error"})",
                });
        }

        /// <summary>
        /// What a message's result says of it. Below 200, accepted. 208 ERR_DUPLICATE, "a message with this id exists"
        /// (gateways.md line 51), is accepted when that message is this one: the caller set its id (a resend with the
        /// same reference) or the SDK repeated the package. For an id the SDK drew, a 208 to the first attempt cannot be
        /// told apart — a repeat made below the SDK (a caller's retry handler, a proxy) is this message, a clash of ids
        /// another one — so it is unknown. Any other code is a refusal. An unknown <paramref name="sent"/> counts as one
        /// whose id the caller set.
        /// </summary>
        internal static SendOutcome OutcomeOf(AlphaSmsXmlSendResult result, AlphaSmsXmlMessage? sent, int attempts) =>
            result.Code < 200 ? SendOutcome.Accepted
            : result.Code != (int)AlphaSmsXmlMessageStatusCode.ErrDuplicate ? SendOutcome.Rejected
            : sent is not { IdAssigned: true } || attempts > 1 ? SendOutcome.Accepted
            : SendOutcome.Unknown;
    }
}
