using System;

namespace ViberGateways.Http
{
    /// <summary>The element a generated model is written as (<c>x-xml-name</c> in specs/).</summary>
    [AttributeUsage(AttributeTargets.Class)]
    internal sealed class XmlNameAttribute(string name) : Attribute
    {
        public string Name { get; } = name;
    }

    /// <summary>The property is an attribute of its model's element (<c>x-xml-attribute</c>).</summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class XmlAttributeNodeAttribute : Attribute
    {
    }

    /// <summary>The property is the text of its model's element (<c>x-xml-text</c>).</summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class XmlTextNodeAttribute : Attribute
    {
    }

    /// <summary>The property is a list wrapped in an element of its own name, each item an element named <see cref="Name"/> (<c>x-xml-item</c>).</summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class XmlItemNameAttribute(string name) : Attribute
    {
        public string Name { get; } = name;
    }
}
