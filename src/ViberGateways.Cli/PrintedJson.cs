using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace ViberGateways.Cli
{
    /// <summary>A table as <c>--json</c> prints it: <c>{ "title": …, "results": [rows] }</c>.</summary>
    internal sealed record PrintedResults<T>(string Title, IReadOnlyList<T> Results);

    /// <summary>
    /// Everything <see cref="Printer"/> writes as JSON, serialized by code generated at build time, so that the
    /// native (AOT) tool prints what the JIT one does. A shape missing here fails its command's <c>--json</c> test.
    /// </summary>
    [JsonSerializable(typeof(PrintedResults<SendRow>))]
    [JsonSerializable(typeof(PrintedResults<StatusCommand.StatusRow>))]
    [JsonSerializable(typeof(PrintedResults<SenderInfo>))]
    [JsonSerializable(typeof(Dictionary<string, string?>))]
    internal sealed partial class PrintedJson : JsonSerializerContext
    {
    }
}
