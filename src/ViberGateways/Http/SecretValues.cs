using System.Collections.Generic;
using System.Linq;

namespace ViberGateways.Http
{
    /// <summary>
    /// The credential values one request carries, found by the wire names its operation declares (<c>x-secrets</c>):
    /// in the body model, in the parameters the generated operation passes, and the options' own credentials. The
    /// reply guard masks each wherever a reply echoes it.
    /// </summary>
    internal static class SecretValues
    {
        /// <summary>Values shorter than this are not masked: they would mask ordinary text.</summary>
        private const int MinimumLength = 4;

        public static IReadOnlyList<string> Of(GatewayOperation operation, object? model, string?[] parameters, IEnumerable<string?> credentials)
        {
            var values = new List<string>(2);
            foreach (var credential in credentials)
            {
                Add(values, credential);
            }

            foreach (var parameter in parameters)
            {
                Add(values, parameter);
            }

            if (model != null && model is not string)
            {
                foreach (var property in WireNames.PropertiesOf(model.GetType()))
                {
                    if (operation.SecretNames.Contains(property.Name))
                    {
                        Add(values, property.Read(model) as string);
                    }
                }
            }

            return values;
        }

        private static void Add(List<string> values, string? value)
        {
            if (value != null && value.Length >= MinimumLength && !values.Contains(value))
            {
                values.Add(value);
            }
        }
    }
}
