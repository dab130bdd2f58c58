using System;
using System.Buffers;
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
        /// <summary>The model's set fields as <c>name=value&amp;…</c>, in the spec's order, every name and value percent-encoded, as ASCII bytes (percent-encoding leaves nothing else).</summary>
        public static byte[] EncodeToBytes(object model)
        {
            // Written into a pooled buffer and encoded from there: a builder and the string it makes would be two more
            // copies of the form per request.
            var text = ArrayPool<char>.Shared.Rent(256);
            try
            {
                var length = Write(model, ref text);
                return Encoding.ASCII.GetBytes(text, 0, length);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(text);
            }
        }

        /// <summary>Writes the form into <paramref name="text"/> (a pooled buffer, swapped for a larger one when full); returns its length.</summary>
        private static int Write(object model, ref char[] text)
        {
            var length = 0;
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

                if (length > 0)
                {
                    Append(ref text, ref length, "&");
                }

                Append(ref text, ref length, Uri.EscapeDataString(field.Name));
                Append(ref text, ref length, "=");
                Append(ref text, ref length, encoded);
            }

            return length;
        }

        private static void Append(ref char[] text, ref int length, string value)
        {
            if (length + value.Length > text.Length)
            {
                var larger = ArrayPool<char>.Shared.Rent(Math.Max(text.Length * 2, length + value.Length));
                Array.Copy(text, larger, length);
                ArrayPool<char>.Shared.Return(text);
                text = larger;
            }

            value.CopyTo(0, text, length, value.Length);
            length += value.Length;
        }
    }
}
