using System;
using System.Text;

namespace ViberGateways.Http
{
    /// <summary>
    /// Flattens a model generated from a spec into ordered <c>name=value</c> pairs (wire names and enum values from
    /// the spec, invariant culture, unset fields left out) for an <c>application/x-www-form-urlencoded</c> body: UTF-8,
    /// every character outside RFC 3986's unreserved set percent-encoded (a space is <c>%20</c>), as the generated
    /// query strings encode the same fields.
    /// </summary>
    internal static class FormFields
    {
        /// <summary>The model's set fields as <c>name=value&amp;…</c>, in the spec's order, every name and value percent-encoded.</summary>
        public static string Encode(object model)
        {
            var text = new StringBuilder(256);
            // Several fields often repeat one value (the HTTP API's SMS and Viber texts and senders): encode it once.
            string? lastRaw = null, lastEncoded = null, previousRaw = null, previousEncoded = null;
            foreach (var field in WireNames.PropertiesOf(model.GetType()))
            {
                if (field.Read(model) is not { } value)
                {
                    continue;
                }

                var raw = WireNames.Format(value);
                string encoded;
                if (ReferenceEquals(raw, lastRaw))
                {
                    encoded = lastEncoded!;
                }
                else if (ReferenceEquals(raw, previousRaw))
                {
                    encoded = previousEncoded!;
                }
                else
                {
                    encoded = Uri.EscapeDataString(raw);
                    (previousRaw, previousEncoded) = (lastRaw, lastEncoded);
                    (lastRaw, lastEncoded) = (raw, encoded);
                }

                if (text.Length > 0)
                {
                    text.Append('&');
                }

                text.Append(Uri.EscapeDataString(field.Name)).Append('=').Append(encoded);
            }

            return text.ToString();
        }
    }
}
