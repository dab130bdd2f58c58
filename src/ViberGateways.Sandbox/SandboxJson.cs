using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ViberGateways.Sandbox
{
    /// <summary>
    /// The JSON of the sandbox's own <c>/_sandbox</c> endpoints, serialized by code generated at build time (the sandbox
    /// also runs inside the native, AOT-compiled <c>viber</c> tool, which has no reflection-based serializer).
    /// </summary>
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(IReadOnlyList<SandboxRequest>))]
    [JsonSerializable(typeof(IReadOnlyList<SandboxMessageView>))]
    [JsonSerializable(typeof(SandboxIncomingReply))]
    [JsonSerializable(typeof(SandboxGateway.InjectedReply))]
    [JsonSerializable(typeof(SandboxGateway.FaultRequest))]
    [JsonSerializable(typeof(QueuedFault))]
    [JsonSerializable(typeof(StartedOutage))]
    [JsonSerializable(typeof(ClearedFaults))]
    [JsonSerializable(typeof(SandboxError))]
    internal sealed partial class SandboxJson : JsonSerializerContext
    {
        /// <summary>camelCase and indented, for people reading the endpoints' answers.</summary>
        public static SandboxJson Indented { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

        /// <summary>camelCase on one line, as ASP.NET Core writes its own JSON (the 400 answers).</summary>
        public static SandboxJson Compact { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    }

    /// <summary>A message as <c>GET /_sandbox/messages</c> lists it: as stored, with its delivery state now.</summary>
    internal sealed record SandboxMessageView(
        long Id, string Gateway, string Channel, long? ClientId, string Recipient, string Sender, string Kind, string? Text,
        DateTimeOffset AcceptedAt, DateTimeOffset? ScheduledFor, string? Mailing, string State);

    /// <summary>The answer to <c>POST /_sandbox/faults</c>.</summary>
    internal sealed record QueuedFault(string Queued, string? Path);

    /// <summary>The answer to <c>POST /_sandbox/outages</c>.</summary>
    internal sealed record StartedOutage(string Outage, double? Seconds, int? Requests, string? Path);

    /// <summary>The answer to <c>DELETE /_sandbox/faults</c>.</summary>
    internal sealed record ClearedFaults(int Cleared);

    /// <summary>A refused <c>/_sandbox</c> request: what to send instead.</summary>
    internal sealed record SandboxError(string Error);
}
