using System;

namespace ViberGateways.Http
{
    /// <summary>The wire names of a generated client's credentials, from its spec's <c>x-secrets</c> (nswag-templates/Client.Class.Annotations).</summary>
    [AttributeUsage(AttributeTargets.Class)]
    internal sealed class SecretFieldNamesAttribute(string names) : Attribute
    {
        /// <summary>Comma-separated wire names.</summary>
        public string Names { get; } = names;
    }
}
