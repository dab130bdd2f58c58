namespace ViberGateways
{
    /// <summary>How to observe the SDK's gateway calls: one <see cref="System.Diagnostics.Activity"/> per call, from this source.</summary>
    public static class GatewayTelemetry
    {
        /// <summary>The name of the SDK's <see cref="System.Diagnostics.ActivitySource"/>: listen to it to trace gateway calls.</summary>
        public const string ActivitySourceName = "ViberGateways";
    }
}
