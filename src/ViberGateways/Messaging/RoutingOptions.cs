using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.RateLimiting;

namespace ViberGateways
{
    /// <summary>
    /// How a <see cref="ViberRouter"/> picks a gateway for each recipient and when it moves on to the next one
    /// (configuration section <c>Routing</c>). Checked when the router is created, and when the host starts if it
    /// came from <c>services.AddViberGateways(configuration)</c>: every setting that is wrong is named.
    /// </summary>
    public sealed class RoutingOptions
    {
        /// <summary>
        /// Calling code or any longer number prefix (digits, a leading <c>+</c> allowed, for example <c>380</c>) → the
        /// gateways to try first for numbers starting with it, in order. The longest matching code wins. In
        /// configuration: <c>"Routes": { "380": [ "AlphaSms" ], "375": [ "SmsBy", "LiveAll" ] }</c> (gateway names as
        /// in <see cref="Gateway"/>, in any case).
        /// </summary>
        public IDictionary<string, IList<Gateway>> Routes { get; set; } = new Dictionary<string, IList<Gateway>>();

        /// <summary>
        /// The gateways tried after a route's own, and for numbers no route matches, in order. When empty, every
        /// gateway the router has, in the order of <see cref="Gateway"/>.
        /// </summary>
        public IList<Gateway> Failover { get; set; } = new List<Gateway>();

        /// <summary>
        /// Also move on when a gateway refused the message (it processed nothing, but a refusal often means the
        /// message itself is wrong, so this is off by default). A message whose outcome is unknown never moves on:
        /// it may have been sent.
        /// </summary>
        public bool FailoverOnRejection { get; set; }

        /// <summary>
        /// Move on when a gateway cannot carry the message (a field it lacks, a limit it sets), as it reports with a
        /// <see cref="RequestValidationException"/> before sending anything (on by default). When off, such a recipient
        /// is rejected with that exception as its <see cref="SendResult.Failure"/>. When no recipient could be sent
        /// anywhere for that reason, the send throws a <see cref="RequestValidationException"/> listing every
        /// gateway's violations, as a single gateway's send does.
        /// </summary>
        public bool FailoverWhenUnsupported { get; set; } = true;

        /// <summary>
        /// A rate limiter per gateway account, shared with whatever else sends through that account (a distributed
        /// limiter shared by several processes, say): every send through the gateway first takes one permit per
        /// recipient, as a bulk send with <see cref="Bulk.BulkSendOptions.RateLimiter"/> does — the recipients are sent
        /// in parts the limiter can grant at once, a refused lease is asked for again (after its
        /// <see cref="MetadataName.RetryAfter"/>, or <see cref="RateLimiterRetryDelay"/> when the lease gives no
        /// <see cref="TimeSpan"/> there, on <see cref="TimeProvider"/>), and recipients a cancelled or failing limiter
        /// kept from going are not sent (so they move on to the next gateway). Set in code only; the limiters stay the
        /// caller's.
        /// </summary>
        public IDictionary<Gateway, RateLimiter> RateLimiters { get; set; } = new Dictionary<Gateway, RateLimiter>();

        /// <summary>
        /// How long to wait before asking a limiter of <see cref="RateLimiters"/> again after it refused a lease without
        /// saying when to retry (more than zero; 50 ms unless set). Set in code only.
        /// </summary>
        public TimeSpan RateLimiterRetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

        /// <summary>
        /// The clock the waits before asking a limiter of <see cref="RateLimiters"/> again run on (the system clock
        /// unless set; tests set a fake one, e.g. <c>FakeTimeProvider</c>, and advance it instead of waiting). Set in
        /// code only.
        /// </summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>The longest route key, in digits (ITU-T E.164).</summary>
        private const int MaxCodeDigits = PhoneNumber.MaxDigits;

        /// <summary>A route key without its leading <c>+</c>, when it is digits; null otherwise.</summary>
        internal static string? CodeOf(string? key)
        {
            var code = key is { Length: > 0 } && key[0] == '+' ? key.Substring(1) : key;
            return code is { Length: > 0 and <= MaxCodeDigits } && code.All(c => c >= '0' && c <= '9') ? code : null;
        }

        /// <summary>
        /// Everything wrong with these options for a router over <paramref name="configured"/>, each naming the
        /// setting as the caller wrote it: a configuration key (<c>Routing:Routes:380:0</c>) or a property path.
        /// </summary>
        internal List<ValidationViolation> Violations(IReadOnlyCollection<Gateway> configured, bool asConfigurationKeys)
        {
            var violations = new List<ValidationViolation>();
            void AddIf(bool broken, string rule, string message, string setting, params object[] path)
            {
                if (broken)
                {
                    Add(rule, message, setting, path);
                }
            }

            void Add(string rule, string message, string setting, params object[] path) => violations.Add(new ValidationViolation(asConfigurationKeys
                ? string.Join(":", new object[] { "Routing", setting }.Concat(path))
                : nameof(RoutingOptions) + "." + setting + string.Concat(path.Select(p => p is string s ? $"[\"{s}\"]" : $"[{p}]")), rule, message));

            void CheckGateway(Gateway gateway, string setting, params object[] path)
            {
                var known = Enum.IsDefined(typeof(Gateway), gateway);
                AddIf(!known, "gateway", $"{(int)gateway} is not a gateway; the gateways are {string.Join(", ", Enum.GetNames(typeof(Gateway)))}", setting, path);
                AddIf(known && !configured.Contains(gateway), "configured", $"{gateway} is not configured (it has no client{(asConfigurationKeys ? " and no " + gateway + " section" : "")}); "
                    + $"configured: {string.Join(", ", configured.OrderBy(g => g))}", setting, path);
            }

            void CheckGateways(IList<Gateway> gateways, string setting, params object[] path)
            {
                for (var i = 0; i < gateways.Count; i++)
                {
                    CheckGateway(gateways[i], setting, path.Append(i).ToArray());
                }
            }

            AddIf(Routes is null, "required", "must not be null (leave it empty for no routes)", nameof(Routes));

            var codes = new Dictionary<string, string>();
            foreach (var route in Routes ?? new Dictionary<string, IList<Gateway>>())
            {
                var key = route.Key ?? "";
                var code = CodeOf(key);
                if (code is null)
                {
                    Add("calling-code", $"a route's key is a calling code or number prefix, 1 to {MaxCodeDigits} digits (for example 380), not '{key}'", nameof(Routes), key);
                }
                else if (codes.TryGetValue(code, out var other))
                {
                    Add("unique", $"the same calling code as the route '{other}'", nameof(Routes), key);
                }
                else
                {
                    codes[code] = key;
                }

                AddIf(route.Value is not { Count: > 0 }, "required",
                    asConfigurationKeys ? "lists no gateway (write a list, for example [ \"AlphaSms\" ])" : "lists no gateway", nameof(Routes), key);
                CheckGateways(route.Value ?? Array.Empty<Gateway>(), nameof(Routes), key);
            }

            AddIf(RateLimiters is null, "required", "must not be null (leave it empty for no rate limiters)", nameof(RateLimiters));

            foreach (var limiter in RateLimiters ?? new Dictionary<Gateway, RateLimiter>())
            {
                CheckGateway(limiter.Key, nameof(RateLimiters), limiter.Key.ToString());
                AddIf(limiter.Value is null, "required", "is null (remove the gateway for no limiter)", nameof(RateLimiters), limiter.Key.ToString());
            }

            AddIf(RateLimiterRetryDelay <= TimeSpan.Zero, "range", $"must be more than zero, not {RateLimiterRetryDelay}", nameof(RateLimiterRetryDelay));
            AddIf(TimeProvider is null, "required", "must be set (TimeProvider.System unless a test sets a fake one)", nameof(TimeProvider));
            AddIf(Failover is null, "required", "must not be null (leave it empty for every configured gateway)", nameof(Failover));
            CheckGateways(Failover ?? Array.Empty<Gateway>(), nameof(Failover));

            return violations;
        }
    }
}
