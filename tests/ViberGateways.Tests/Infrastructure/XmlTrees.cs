using System.Xml.Linq;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// XML compared as trees: elements, attributes and text in document order; the whitespace between elements (which
    /// <see cref="XDocument.Parse(string)"/> drops) and the XML declaration's spelling ignored. A failure shows both.
    /// </summary>
    internal static class XmlTrees
    {
        public static void ShouldBeSameTreeAs(this XDocument actual, XDocument expected, string? customMessage = null) =>
            XNode.DeepEquals(actual.Root, expected.Root).ShouldBeTrue($"{customMessage}\nsent:\n{actual}\ndocumented:\n{expected}".TrimStart());
    }
}
