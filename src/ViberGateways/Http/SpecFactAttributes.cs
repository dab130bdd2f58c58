using System;
using System.Runtime.CompilerServices;

namespace ViberGateways.Http
{
    /// <summary>
    /// A model's or a property's <c>x-retry-safety</c> from specs/ (nswag-templates/Class.Annotations and
    /// Class.Property.Annotations). On a model: <c>repeatable</c>, <c>never-after-sent</c> or <c>deduplicated</c> (with
    /// <see cref="DeduplicatedBy"/>, the client id's wire name). On a property: the safety per wire value, e.g.
    /// <c>send=never-after-sent,receive=repeatable</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, Inherited = true)]
    internal sealed class RetrySafetyFactAttribute(string safety) : Attribute
    {
        public string Safety { get; } = safety;

        /// <summary>The wire name of the client id a <c>deduplicated</c> model is de-duplicated on.</summary>
        public string? DeduplicatedBy { get; set; }
    }

    /// <summary>The wire names of a generated client's credentials, from its spec's <c>x-secrets</c> (nswag-templates/Client.Class.Annotations).</summary>
    [AttributeUsage(AttributeTargets.Class)]
    internal sealed class SecretFieldNamesAttribute(string names) : Attribute
    {
        /// <summary>Comma-separated wire names.</summary>
        public string Names { get; } = names;
    }

    /// <summary>
    /// A generated model property's place in its spec (nswag-templates/Class.Property.Annotations): the compiler fills
    /// in the line of the generated file, and NSwag writes the properties, and the models, in the spec's order. Native
    /// AOT keeps no metadata tokens, so this is what orders the form fields and XML nodes the same way on every runtime.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, Inherited = true)]
    internal sealed class SpecOrderAttribute : Attribute
    {
        public SpecOrderAttribute([CallerLineNumber] int line = 0) => Line = line;

        /// <summary>The line the property is declared on in the generated file.</summary>
        public int Line { get; }
    }
}
