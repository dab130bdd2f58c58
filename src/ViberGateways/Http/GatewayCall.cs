using System.Collections.Generic;
using System.Net.Http;
using System.Threading;

namespace ViberGateways.Http
{
    /// <summary>
    /// One request as the client's pipeline sees it: the operation's facts from specs/, the retry safety of this body,
    /// the credential values it carries (to mask wherever a reply echoes them), the details the caller declared, and
    /// how many attempts went out. The generated operation attaches it to the request (GatewayClientBase.BeforeSend).
    /// </summary>
    internal sealed class GatewayCall(GatewayOperation operation, RetrySafety safety, List<string> secrets, RequestDetails? details, object? model)
    {
        private const string OptionName = "ViberGateways.GatewayCall";

        /// <summary>Values shorter than this are not masked: they would mask ordinary text.</summary>
        private const int MinimumSecretLength = 4;

        private int _attempts;

        private GatewayTelemetryHandler.HeldEvent? _heldEvent;

        public GatewayOperation Operation { get; } = operation;

        public string Gateway => Operation.Gateway;

        public RetrySafety Safety { get; } = safety;

        /// <summary>The credential values this request carries.</summary>
        public IReadOnlyList<string> Secrets { get; } = secrets;

        /// <summary>What the caller declared about the call (recipients), if anything.</summary>
        public RequestDetails? Details { get; } = details;

        /// <summary>The request model the body was written from (null for a query), so a reply is read against what was asked.</summary>
        public object? Model { get; } = model;

        /// <summary>How many times the request went out (counted by the resilience handler).</summary>
        public int Attempts => Volatile.Read(ref _attempts);

        /// <summary>
        /// The call for a request of <paramref name="operation"/> whose body is <paramref name="model"/>: its credentials
        /// are the options' own, the parameters the operation names as secrets, and the body's fields of those names.
        /// </summary>
        public static GatewayCall For(GatewayOperation operation, object? model, RequestDetails? details, IEnumerable<string?> credentials, string?[] secretParameters)
        {
            var secrets = new List<string>(2);
            void Add(string? value)
            {
                if (value != null && value.Length >= MinimumSecretLength && !secrets.Contains(value))
                {
                    secrets.Add(value);
                }
            }

            foreach (var credential in credentials)
            {
                Add(credential);
            }

            foreach (var parameter in secretParameters)
            {
                Add(parameter);
            }

            if (model is not null and not string)
            {
                foreach (var property in operation.SecretFieldsOf(model.GetType()))
                {
                    Add(property.Read(model) as string);
                }
            }

            return new GatewayCall(operation, operation.SafetyOf(model), secrets, details, model);
        }

        public void CountAttempt()
        {
            Interlocked.Increment(ref _attempts);
            Details?.CountAttempt();
        }

        /// <summary>Whether the call's log event waits for its reply to be read (a 2xx reply, not yet interpreted).</summary>
        public bool AwaitsReplyReading => Volatile.Read(ref _heldEvent) != null;

        /// <summary>Holds the call's log event until its reply is read, so that the event names what the reply says.</summary>
        public void HoldEvent(GatewayTelemetryHandler.HeldEvent heldEvent) => Volatile.Write(ref _heldEvent, heldEvent);

        /// <summary>The held event, once: whoever takes it writes it.</summary>
        public GatewayTelemetryHandler.HeldEvent? TakeHeldEvent() => Interlocked.Exchange(ref _heldEvent, null);

        /// <summary>The call the generated operation attached to <paramref name="request"/>: every request through the pipeline has one.</summary>
        public static GatewayCall Of(HttpRequestMessage request) =>
            Find(request) ?? throw new System.InvalidOperationException("Only the generated operations send through the SDK's pipeline.");

        /// <summary>The call attached to <paramref name="request"/>, if any.</summary>
        public static GatewayCall? Find(HttpRequestMessage? request) =>
#if NET5_0_OR_GREATER
            request is not null && request.Options.TryGetValue(new HttpRequestOptionsKey<GatewayCall>(OptionName), out var call) ? call : null;
#else
            request is not null && request.Properties.TryGetValue(OptionName, out var call) ? call as GatewayCall : null;
#endif

        public void AttachTo(HttpRequestMessage request)
        {
#if NET5_0_OR_GREATER
            request.Options.Set(new HttpRequestOptionsKey<GatewayCall>(OptionName), this);
#else
            request.Properties[OptionName] = this;
#endif
        }
    }
}
