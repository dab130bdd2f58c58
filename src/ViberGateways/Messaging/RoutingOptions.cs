using System.Collections.Generic;

namespace ViberGateways
{
    /// <summary>
    /// How a <see cref="ViberRouter"/> picks a gateway for each recipient and when it moves on to the next one
    /// (configuration section <c>Routing</c>).
    /// </summary>
    public sealed class RoutingOptions
    {
        /// <summary>
        /// Calling code (digits, for example <c>380</c>) → the gateways to try first for numbers starting with it, in
        /// order. The longest matching code wins. In configuration: <c>"Routes": { "380": [ "AlphaSms" ], "375": [ "SmsBy" ] }</c>.
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
        /// <see cref="RequestValidationException"/> before sending anything (on by default). When off, such a message
        /// is rejected with that exception as its <see cref="SendResult.Failure"/>.
        /// </summary>
        public bool FailoverWhenUnsupported { get; set; } = true;
    }
}
