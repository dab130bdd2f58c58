using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;
using ViberGateways.Http;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// The AlphaSMS HTTP API client, generated from <c>specs/alphasms-http.yaml</c>: one message
    /// per request, as a form POST (the default, so credentials stay out of URLs) or a GET query string
    /// (<see cref="AlphaSmsOptions.UseHttpGet"/>), with plain-text replies (<c>AlphaSmsHttpClient.Exchange.cs</c>,
    /// <c>AlphaSmsHttpClient.PlainText.cs</c>).
    /// </summary>
    internal partial class AlphaSmsHttpClient
    {
        /// <summary>Lifetime sent when a message sets none: the page marks <c>viber_lifetime</c> required, 60 to 86400 seconds.</summary>
        public const int DefaultLifetimeSeconds = 86400;

        /// <inheritdoc />
        public override AlphaSmsTransport Transport => AlphaSmsTransport.Http;

        /// <summary>One <c>command=receive</c> request per message, one after another (the HTTP API asks for one id per request).</summary>
        private protected override async Task<IReadOnlyList<DeliveryStatus>> ReadStatusesAsync(IReadOnlyList<(MessageReference Reference, AlphaSmsMessageId Id)> asked,
            CancellationToken cancellationToken)
        {
            var statuses = new List<DeliveryStatus>(asked.Count);
            foreach (var (reference, id) in asked)
            {
                var parameters = Authenticated(AlphaSmsHttpCommand.Receive);
                parameters.Id = id.Value;
                statuses.Add((await CallAsync(parameters, 0, cancellationToken, id.Value.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false)).ToStatus(reference));
            }

            return statuses;
        }

        private protected override async Task<AccountBalance> ReadBalanceAsync(CancellationToken cancellationToken) =>
            (await CallAsync(Authenticated(AlphaSmsHttpCommand.Balance), 0, cancellationToken).ConfigureAwait(false)).ToBalance();

        /// <remarks>
        /// The HTTP API takes one message per request, and has no client id: a send is never repeated once it may have
        /// reached the gateway. A message's failure is its own result, and the messages answered before it keep theirs;
        /// once the gateway is unavailable, refuses the credentials, or the send is cancelled, the rest are not sent.
        /// </remarks>
        private protected override Task<IReadOnlyList<SendResult>> SendRequestAsync(IReadOnlyList<BulkEntry<object>> entries, CancellationToken cancellationToken) =>
            InRequestsAsync(entries, 1, SendOneAsync, AlphaSmsHttpReply.RefusesAccount, cancellationToken);

        private async Task<IReadOnlyList<SendResult>> SendOneAsync(IReadOnlyList<BulkEntry<object>> one, CancellationToken cancellationToken)
        {
            var entry = one[0];
            try
            {
                var reply = await CallAsync(Authenticated((AlphaSmsHttpParameters)entry.Item), 1, cancellationToken).ConfigureAwait(false);
                return new[] { reply.ToSendResult(entry) };
            }
            catch (GatewayException failure) when (failure is GatewayUnavailableException or GatewayOutcomeUnknownException)
            {
                return new[] { AlphaSmsMapping.Failed(entry, failure) };
            }
        }

        private AlphaSmsHttpParameters Authenticated(AlphaSmsHttpCommand command) => Authenticated(new AlphaSmsHttpParameters { Command = command });

        /// <summary>The parameters with the protocol version (the scheme requests go out with) and the credentials (key, or login and password).</summary>
        private AlphaSmsHttpParameters Authenticated(AlphaSmsHttpParameters parameters)
        {
            parameters.Version = (_httpClient.BaseAddress ?? Options.BaseAddress).Scheme == Uri.UriSchemeHttp ? AlphaSmsHttpProtocolVersion.Http : AlphaSmsHttpProtocolVersion.Https;
            if (!string.IsNullOrWhiteSpace(Options.ApiKey))
            {
                parameters.Key = Options.ApiKey;
            }
            else if (!string.IsNullOrWhiteSpace(Options.Login) && !string.IsNullOrEmpty(Options.Password))
            {
                parameters.Login = Options.Login;
                parameters.Pass = Options.Password;
            }
            else
            {
                throw RequestValidationException.Of(nameof(AlphaSmsOptions) + "." + nameof(AlphaSmsOptions.ApiKey), "required", "the AlphaSMS Http transport needs an API key, or a login and password");
            }

            return parameters;
        }
    }
}
