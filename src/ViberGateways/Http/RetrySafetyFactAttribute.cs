using System;

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
}
