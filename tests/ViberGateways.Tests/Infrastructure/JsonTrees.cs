using System.Linq;
using Newtonsoft.Json.Linq;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// JSON compared as trees: member order ignored, array order and value types kept (a number is not the string of
    /// its digits); a failure names the first path where the two differ.
    /// </summary>
    internal static class JsonTrees
    {
        public static void ShouldBeSameTreeAs(this JToken actual, JToken expected, string? customMessage = null)
        {
            var difference = FirstDifference(actual, expected, "$");
            difference.ShouldBeNull($"{customMessage}\nsent:\n{actual}\ndocumented:\n{expected}".TrimStart());
            JToken.DeepEquals(actual, expected).ShouldBeTrue(customMessage);
        }

        /// <summary>The path of the first difference, with both sides; null when the trees are the same.</summary>
        public static string? FirstDifference(JToken actual, JToken expected, string path)
        {
            if (actual.Type != expected.Type)
            {
                return $"{path}: {actual.Type} {actual.ToString(Newtonsoft.Json.Formatting.None)} where the document has {expected.Type} {expected.ToString(Newtonsoft.Json.Formatting.None)}";
            }

            switch (actual)
            {
                case JObject sent:
                    var documented = (JObject)expected;
                    var names = sent.Properties().Select(p => p.Name).Union(documented.Properties().Select(p => p.Name));
                    foreach (var name in names)
                    {
                        var difference = (sent[name], documented[name]) switch
                        {
                            (null, _) => $"{path}.{name}: missing",
                            (_, null) => $"{path}.{name}: not in the document",
                            var (a, e) => FirstDifference(a!, e!, $"{path}.{name}"),
                        };
                        if (difference != null)
                        {
                            return difference;
                        }
                    }

                    return null;
                case JArray items:
                    var documentedItems = (JArray)expected;
                    if (items.Count != documentedItems.Count)
                    {
                        return $"{path}: {items.Count} items where the document has {documentedItems.Count}";
                    }

                    return items.Select((item, i) => FirstDifference(item, documentedItems[i], $"{path}[{i}]")).FirstOrDefault(d => d != null);
                default:
                    return JToken.DeepEquals(actual, expected) ? null : $"{path}: {actual} where the document has {expected}";
            }
        }
    }
}
