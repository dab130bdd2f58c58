using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// Base of the three AlphaSMS transport clients (generated from <c>specs/alphasms-json.yaml</c>,
    /// <c>alphasms-xml.yaml</c> and <c>alphasms-http.yaml</c>): the neutral API (<c>AlphaSmsClientBase.Viber.cs</c>)
    /// over what each transport's generated operations do: send wire models, read statuses, read the balance.
    /// </summary>
    internal abstract partial class AlphaSmsClientBase : GatewayClientBase<AlphaSmsOptions>
    {
        /// <summary>
        /// Messages per request over JSON (the <c>data</c> list) and XML (one <c>&lt;message-viber&gt;</c> package), and
        /// status queries per request. Our choice: AlphaSMS documents no maximum per request; 10,000 references take 20.
        /// </summary>
        internal const int MessagesPerRequest = 500;

        private protected AlphaSmsClientBase(AlphaSmsOptions options)
            : base(options)
        {
        }

        /// <summary>The transport this client speaks.</summary>
        public abstract AlphaSmsTransport Transport { get; }

        /// <summary>Whether this transport asks the status by client id (JSON, XML).</summary>
        private bool AsksStatusByClientId => Transport != AlphaSmsTransport.Http;

        /// <summary>Whether this transport asks the status by the gateway's id (XML, HTTP).</summary>
        private bool AsksStatusByGatewayId => Transport != AlphaSmsTransport.Json;

        /// <summary>The client speaking <see cref="AlphaSmsOptions.Transport"/>: the one place a transport is chosen.</summary>
        public static AlphaSmsClientBase Create(AlphaSmsOptions options, HttpClient httpClient)
        {
            _ = options ?? throw new ArgumentNullException(nameof(options));
            _ = httpClient ?? throw new ArgumentNullException(nameof(httpClient));

            return options.Transport switch
            {
                AlphaSmsTransport.Json => new AlphaSmsJsonClient(options, httpClient),
                AlphaSmsTransport.Xml => new AlphaSmsXmlClient(options, httpClient),
                AlphaSmsTransport.Http => new AlphaSmsHttpClient(options, httpClient),
                _ => throw new ArgumentOutOfRangeException(nameof(options), options.Transport, "Unknown AlphaSMS transport."),
            };
        }

        /// <summary>
        /// Sends the wire models of one request (as <see cref="AlphaSmsMapping"/> made them; one per message over HTTP,
        /// which sends each in its own request): one result per entry, in order. A request the gateway refuses as a
        /// whole (a wrong key) is thrown; one that was unavailable or whose outcome is unknown is each entry's result.
        /// </summary>
        private protected abstract Task<IReadOnlyList<SendResult>> SendRequestAsync(IReadOnlyList<BulkEntry<object>> entries, CancellationToken cancellationToken);

        /// <summary>
        /// Reads the statuses of up to <see cref="MessagesPerRequest"/> messages, each by an id of a kind the transport
        /// asks by: one status per id, in order (matched to the reply by id: <see cref="StatusesById{TEntry}"/>); a
        /// refusal for one message is its status, a refusal of the request is thrown.
        /// </summary>
        private protected abstract Task<IReadOnlyList<DeliveryStatus>> ReadStatusesAsync(IReadOnlyList<(MessageReference Reference, AlphaSmsMessageId Id)> asked,
            CancellationToken cancellationToken);

        private protected abstract Task<AccountBalance> ReadBalanceAsync(CancellationToken cancellationToken);

        /// <summary>
        /// The status of each asked id from the reply entry that names it (the client id or the gateway's, as asked),
        /// whatever the reply's order; an entry naming neither id is taken by its position (the reply's documented
        /// order). An id without an entry gets an error, never another message's status.
        /// </summary>
        private protected static IReadOnlyList<DeliveryStatus> StatusesById<TEntry>(IReadOnlyList<(MessageReference Reference, AlphaSmsMessageId Id)> asked,
            IList<TEntry>? entries, Func<TEntry, long?> clientIdOf, Func<TEntry, long?> gatewayIdOf, Func<MessageReference, AlphaSmsMessageId, TEntry, DeliveryStatus> status,
            string reply)
            where TEntry : class
        {
            entries ??= Array.Empty<TEntry>();
            Dictionary<long, TEntry> ById(Func<TEntry, long?> idOf) =>
                entries.Where(entry => idOf(entry) is not (null or 0)).GroupBy(entry => idOf(entry)!.Value).ToDictionary(group => group.Key, group => group.First());
            var (byClientId, byGatewayId) = (ById(clientIdOf), ById(gatewayIdOf));
            var statuses = new DeliveryStatus[asked.Count];
            for (var i = 0; i < asked.Count; i++)
            {
                var (reference, id) = asked[i];
                if (!(id.IsClientId ? byClientId : byGatewayId).TryGetValue(id.Value, out var entry) && i < entries.Count && NamesNoId(entries[i]))
                {
                    entry = entries[i];
                }

                statuses[i] = entry is null
                    ? AlphaSmsMapping.Refused(reference, new GatewayException($"{reply} has no entry for {id}", 200, null, null, null))
                    : status(reference, id, entry);
            }

            return statuses;

            // The gateway writes 0 for an id it does not know (sms_id="0"): that names no message.
            bool NamesNoId(TEntry entry) => clientIdOf(entry) is null or 0 && gatewayIdOf(entry) is null or 0;
        }
    }

    /// <summary>The id a status query asks by: your client id (JSON, XML) or the gateway's id (XML, HTTP).</summary>
    internal readonly struct AlphaSmsMessageId(long value, bool isClientId)
    {
        public long Value { get; } = value;

        public bool IsClientId { get; } = isClientId;

        /// <summary>The id and its kind, for example <c>client id 100500</c>.</summary>
        public override string ToString() => (IsClientId ? "client id " : "gateway id ") + Value.ToString(CultureInfo.InvariantCulture);
    }
}
