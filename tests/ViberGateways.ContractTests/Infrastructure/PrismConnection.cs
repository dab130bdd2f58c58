using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit.Sdk;

namespace ViberGateways.ContractTests.Infrastructure
{
    /// <summary>
    /// An <see cref="HttpClient"/> to one Prism server for one test, recording what the SDK sends, and the check
    /// every contract test makes: <see cref="ExpectValidAsync{T}"/>.
    /// </summary>
    public sealed class PrismConnection : IDisposable
    {
        /// <summary>Bounds every request; Prism answers in milliseconds.</summary>
        public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

        // How long Prism may take to log an exchange it answered: a guard, not a measure, so generous for a busy 2-core machine.
        private static readonly TimeSpan LogWaitLimit = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan CrashWaitTime = TimeSpan.FromSeconds(3);

        private readonly PrismServer _server;
        private readonly PrismRecordingHandler _recorder;

        internal PrismConnection(PrismServer server, string? preferredExample)
        {
            _server = server;
            _recorder = new PrismRecordingHandler(preferredExample);
            HttpClient = new HttpClient(_recorder) { BaseAddress = server.BaseAddress, Timeout = RequestTimeout };
        }

        /// <summary>The client to hand to the SDK: base address <c>http://127.0.0.1:PORT/</c>.</summary>
        public HttpClient HttpClient { get; }

        public IReadOnlyList<PrismExchange> Exchanges => _recorder.Exchanges;

        /// <summary>The last request the SDK sent.</summary>
        public PrismExchange LastExchange => Exchanges.LastOrDefault() ?? throw new XunitException("The SDK sent no request.");

        /// <summary>
        /// Runs an SDK call and checks the contract: the SDK sent <paramref name="expectedRequests"/> request(s), Prism
        /// validated every one against the spec and answered with the spec's example (not 422, not a 4xx with
        /// validation messages), and then the SDK call itself succeeded. A failure shows each request, Prism's
        /// validation messages and Prism's log for the call.
        /// </summary>
        public async Task<T> ExpectValidAsync<T>(Func<Task<T>> call, int expectedRequests = 1)
        {
            var logMark = _server.Log.Mark();
            var before = Exchanges.Count;
            T result = default!;
            Exception? thrown = null;
            try
            {
                result = await call().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Reported below: a rejection by Prism explains the SDK's exception, so it is checked first.
                thrown = e;
            }

            var exchanges = Exchanges.Skip(before).ToList();
            var rejected = exchanges.Where(x => x.Answered && !x.Accepted).ToList();
            if (rejected.Count > 0 || thrown != null)
            {
                // Prism writes its log lines asynchronously: wait for the last line of each request it answered.
                await _server.Log.WaitForLinesAsync(logMark, exchanges.Count(x => x.Answered), LogWaitLimit, "Request terminated with error", "> Responding with").ConfigureAwait(false);
            }

            // A request without any reply may mean that Prism died on it; a dying process takes a moment to end.
            var crashed = exchanges.Any(x => !x.Answered) ? await _server.ExitsWithinAsync(CrashWaitTime).ConfigureAwait(false) : _server.HasExited;
            if (crashed)
            {
                throw new PrismCrashedException(
                    Describe($"Prism ({_server.Served}) crashed while handling the request(s) the SDK sent. This is a defect of Prism, not a verdict on the request: see Prism's stderr below.", exchanges, logMark, thrown),
                    thrown);
            }

            if (rejected.Count > 0)
            {
                throw new ContractViolationException(
                    Describe($"Prism rejected {rejected.Count} of the {exchanges.Count} request(s) the SDK sent: they are not valid against {_server.Served}.", exchanges, logMark, thrown),
                    thrown);
            }

            if (thrown != null)
            {
                throw new XunitException(Describe($"Prism accepted every request, but the SDK call failed: {thrown.GetType().Name}: {thrown.Message}", exchanges, logMark, thrown), thrown);
            }

            if (exchanges.Count != expectedRequests)
            {
                throw new XunitException(Describe($"The SDK sent {exchanges.Count} request(s), expected {expectedRequests}.", exchanges, logMark, null));
            }

            return result;
        }

        private string Describe(string headline, IReadOnlyList<PrismExchange> exchanges, int logMark, Exception? thrown)
        {
            var text = new StringBuilder(headline).AppendLine();
            foreach (var exchange in exchanges)
            {
                text.AppendLine().Append(exchange);
            }

            if (thrown != null)
            {
                text.AppendLine().Append("The SDK call threw ").Append(thrown.GetType().FullName).Append(": ").AppendLine(thrown.Message);
            }

            var log = _server.Log.Since(logMark);
            text.AppendLine().Append("Prism's log (").Append(_server.Served).AppendLine(") for this call:");
            foreach (var line in log)
            {
                text.Append("    ").AppendLine(line);
            }

            if (KnownPrismDefect(log) is { } explanation)
            {
                text.AppendLine().AppendLine(explanation);
            }

            return text.ToString();
        }

        /// <summary>An explanation of a Prism failure seen before, recognised by its log lines.</summary>
        private static string? KnownPrismDefect(IReadOnlyList<string> log) =>
            log.Any(line => line.Contains("parse-multipart-data", StringComparison.Ordinal)) && log.Any(line => line.Contains("is not valid JSON", StringComparison.Ordinal))
                ? "Known Prism defect: Prism 5.14.2 reads multipart bodies with parse-multipart-data 1.5.0, which JSON.parse()s the " +
                  "`filename` parameter of a part and so dies on the unquoted token form `filename=image.png` that .NET's " +
                  "MultipartFormDataContent writes (a valid form per RFC 7578 / RFC 6266; a quoted filename=\"image.png\" is read " +
                  "fine). The request could not be checked. Same crash site: https://github.com/stoplightio/prism/issues/2672."
                : null;

        public void Dispose() => HttpClient.Dispose();
    }

    /// <summary>Prism died while handling a request; the request could not be checked.</summary>
    public sealed class PrismCrashedException : XunitException
    {
        public PrismCrashedException(string message, Exception? innerException)
            : base(message, innerException)
        {
        }
    }

    /// <summary>The SDK sent a request that Prism found invalid against the spec.</summary>
    public sealed class ContractViolationException : XunitException
    {
        public ContractViolationException(string message, Exception? innerException)
            : base(message, innerException)
        {
        }
    }
}
