using System;
using System.Runtime.CompilerServices;

namespace ViberGateways.Http
{
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
