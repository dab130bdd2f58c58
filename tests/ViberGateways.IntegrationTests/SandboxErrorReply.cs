namespace ViberGateways.IntegrationTests
{
    /// <summary>The body of a refused sandbox control request: <c>{"error": "…"}</c>.</summary>
    internal sealed class SandboxErrorReply
    {
        public string Error { get; set; } = "";
    }
}
