using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// The smallest client a developer would write by hand for the AlphaSMS JSON API (<c>POST api/json.php</c>):
    /// POCOs with <see cref="JsonPropertyAttribute"/>, <see cref="JsonConvert"/> both ways, no validation, retries or
    /// telemetry. It sends the same request as <c>AlphaSmsJsonClient.SendAsync</c> for a text message, which is what
    /// makes it a fair baseline.
    /// </summary>
    public sealed class HandWrittenJsonClient
    {
        private readonly HttpClient _http;
        private readonly string _apiKey;

        /// <summary>Creates the client.</summary>
        /// <param name="http">The HTTP client, with the gateway's base address.</param>
        /// <param name="apiKey">The AlphaSMS API key.</param>
        public HandWrittenJsonClient(HttpClient http, string apiKey)
        {
            _http = http;
            _apiKey = apiKey;
        }

        /// <summary>Sends one Viber text message.</summary>
        /// <param name="clientId">The caller's unique id for the message.</param>
        /// <param name="recipient">International number, digits only.</param>
        /// <param name="sender">The Viber sender name.</param>
        /// <param name="text">The message text.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The gateway's id for the message.</returns>
        public async Task<long> SendTextAsync(long clientId, string recipient, string sender, string text, CancellationToken cancellationToken = default)
        {
            var body = new SendRequest
            {
                Auth = _apiKey,
                Data = new[]
                {
                    new ViberItem
                    {
                        Id = clientId,
                        Phone = long.Parse(recipient, NumberStyles.None, CultureInfo.InvariantCulture),
                        ViberSignature = sender,
                        ViberMessage = text,
                    },
                },
            };
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(body)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/json.php") { Content = content };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var reply = JsonConvert.DeserializeObject<SendReply>(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var result = reply?.Data is [var first, ..] ? first : null;
            if (reply is not { Success: true } || result is not { Success: true, Data.MsgId: { } gatewayId })
            {
                throw new InvalidOperationException("AlphaSMS refused the message: " + (result?.Error ?? reply?.Error ?? "no result"));
            }

            return gatewayId;
        }

        /// <summary>The request body; <see cref="BulkSerializationBenchmarks"/> serializes it too, 500 items at a time.</summary>
        internal sealed class SendRequest
        {
            [JsonProperty("auth")]
            public string Auth { get; set; } = "";

            [JsonProperty("data")]
            public ViberItem[] Data { get; set; } = Array.Empty<ViberItem>();
        }

        /// <summary>One message of the request's <c>data</c> list.</summary>
        internal sealed class ViberItem
        {
            [JsonProperty("type")]
            public string Type { get; set; } = "viber";

            [JsonProperty("id")]
            public long Id { get; set; }

            [JsonProperty("phone")]
            public long Phone { get; set; }

            [JsonProperty("viber_type")]
            public string ViberType { get; set; } = "text";

            [JsonProperty("viber_signature")]
            public string ViberSignature { get; set; } = "";

            [JsonProperty("viber_message")]
            public string ViberMessage { get; set; } = "";
        }

        private sealed class SendReply
        {
            [JsonProperty("success")]
            public bool Success { get; set; }

            [JsonProperty("error")]
            public string? Error { get; set; }

            [JsonProperty("data")]
            public List<ItemResult>? Data { get; set; }
        }

        private sealed class ItemResult
        {
            [JsonProperty("success")]
            public bool Success { get; set; }

            [JsonProperty("error")]
            public string? Error { get; set; }

            [JsonProperty("data")]
            public ItemData? Data { get; set; }
        }

        private sealed class ItemData
        {
            [JsonProperty("msg_id")]
            public long? MsgId { get; set; }
        }
    }
}
