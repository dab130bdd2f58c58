using System;
using System.Collections.Concurrent;
using System.Linq;

namespace ViberGateways.Http
{
    /// <summary>
    /// What specs/ declares about one operation, emitted into its generated client (nswag-templates/Client.Class.Body):
    /// the gateway's display name (<c>x-gateway</c>), the operation id, its retry safety (<c>x-retry-safety</c>) and
    /// the wire names of its credentials (<c>x-secrets</c>).
    /// </summary>
    internal sealed class GatewayOperation
    {
        private readonly ConcurrentDictionary<Type, WireProperty[]> _secretFields = new();

        public GatewayOperation(string gateway, string name, string retrySafety, string secrets)
        {
            Gateway = gateway;
            Name = name;
            (DecidedByBody, Safety) = retrySafety switch
            {
                "repeatable" => (false, RetrySafety.Repeatable),
                "never-after-sent" => (false, RetrySafety.NeverAfterSent),
                "by-body" => (true, RetrySafety.NeverAfterSent),
                _ => throw new ArgumentException($"Operation {name}: unknown x-retry-safety '{retrySafety}'.", nameof(retrySafety)),
            };
            SecretNames = secrets.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
        }

        /// <summary>The gateway's display name, e.g. <c>AlphaSMS</c>.</summary>
        public string Gateway { get; }

        /// <summary>The operation id, e.g. <c>sendIm</c>.</summary>
        public string Name { get; }

        /// <summary>Whether the body's schemas decide the retry safety (<c>by-body</c>); otherwise <see cref="Safety"/> holds.</summary>
        public bool DecidedByBody { get; }

        /// <summary>The operation's retry safety when the body does not decide it.</summary>
        public RetrySafety Safety { get; }

        /// <summary>The wire names of the operation's credentials.</summary>
        public string[] SecretNames { get; }

        /// <summary>The properties of a body of this type that carry credentials (those <c>x-secrets</c> names), found once per type.</summary>
        public WireProperty[] SecretFieldsOf(Type bodyType) => SecretNames.Length == 0
            ? Array.Empty<WireProperty>()
            : _secretFields.GetOrAdd(bodyType, type => WireNames.PropertiesOf(type).Where(p => Array.IndexOf(SecretNames, p.Name) >= 0).ToArray());

        /// <summary>The retry safety of one request of this operation with <paramref name="model"/> as its body.</summary>
        public RetrySafety SafetyOf(object? model) => DecidedByBody ? BodyRetrySafety.Of(model) : Safety;
    }
}
