using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// What the bulk benchmarks share: a sandbox process, the SDK's AlphaSMS JSON client over a pooled HttpClient, the
    /// one message, and recipients produced one at a time as a subscriber database cursor would.
    /// </summary>
    internal sealed class BulkScenario : IDisposable
    {
        private readonly SandboxProcess _sandbox;
        private readonly HttpClient _http;

        private BulkScenario(SandboxProcess sandbox)
        {
            _sandbox = sandbox;
            _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 32 }) { BaseAddress = sandbox.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            Client = new AlphaSmsJsonClient(new AlphaSmsOptions { ApiKey = ApiKey }, _http);
        }

        /// <summary>The AlphaSMS key the sandbox accepts.</summary>
        public const string ApiKey = "sandbox-alphasms-key";

        /// <summary>The SDK client every contender sends with.</summary>
        public IViberClient Client { get; }

        /// <summary>The message sent to every recipient.</summary>
        public static ViberMessage Message => new() { Sender = "MyShop", Text = "Spring sale: 20% off everything until Sunday." };

        /// <summary>Starts a sandbox process and a client for it.</summary>
        /// <returns>The scenario.</returns>
        public static BulkScenario Start() => new(SandboxProcess.Start());

        /// <summary><paramref name="count"/> distinct Ukrainian mobile numbers, produced lazily.</summary>
        /// <param name="count">How many.</param>
        /// <returns>The numbers.</returns>
        public static async IAsyncEnumerable<string> Recipients(int count)
        {
            for (var i = 0; i < count; i++)
            {
                if (i % 4096 == 0)
                {
                    await Task.Yield();
                }

                yield return "38097" + i.ToString("D7", CultureInfo.InvariantCulture);
            }
        }

        /// <summary>The SDK's bulk send of the message to <paramref name="recipients"/> recipients, read as it goes.</summary>
        /// <param name="recipients">How many.</param>
        /// <returns>Recipients accepted.</returns>
        public async Task<long> StreamedBulkSendAsync(int recipients)
        {
            long accepted = 0;
            await foreach (var result in Client.SendBulkAsync(Message, Recipients(recipients)))
            {
                accepted += result.Outcome == SendOutcome.Accepted ? 1 : 0;
            }

            return Verify(accepted, recipients);
        }

        /// <summary>Fails the benchmark unless every recipient was accepted: a fast wrong answer is no result.</summary>
        /// <param name="accepted">Recipients accepted.</param>
        /// <param name="expected">Recipients sent to.</param>
        /// <returns><paramref name="accepted"/>.</returns>
        public static long Verify(long accepted, int expected)
        {
            ProcessFigures.CountSent(expected);
            return accepted == expected ? accepted : throw new InvalidOperationException($"{accepted} of {expected} recipients were accepted.");
        }

        /// <summary>Stops the client and the sandbox.</summary>
        public void Dispose()
        {
            _http.Dispose();
            _sandbox.Dispose();
        }
    }
}
