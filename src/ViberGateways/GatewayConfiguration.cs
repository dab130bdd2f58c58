using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ViberGateways
{
    /// <summary>
    /// Binds a gateway's configuration section to its options after checking what the configuration binder would
    /// silently skip or fail on with a bare type name (a <c>TargetInvocationException</c> for a base address without a
    /// scheme, <c>Failed to convert 'Rest'</c> for an enum): a key that is not a setting (a misspelt <c>ApiKy</c>), a
    /// value that is not one of an enum's names, a base address that is not an absolute http(s) URL or that carries a
    /// path. Each failure names the configuration key and says what to write instead; all of them fail the host's
    /// start together, as an <see cref="OptionsValidationException"/>.
    /// </summary>
    internal static class GatewayConfiguration
    {
        /// <summary>Checks <paramref name="section"/>, then binds it to <paramref name="options"/>.</summary>
        /// <exception cref="OptionsValidationException">A key or value is wrong; every one is named.</exception>
        public static void Bind<TOptions>(IConfiguration section, TOptions options, string gateway)
            where TOptions : GatewayOptions
        {
            var failures = new List<string>();
            Check(section, typeof(TOptions), gateway, options.BaseAddress, failures);
            if (failures.Count == 0)
            {
                try
                {
                    section.Bind(options);
                }
                catch (InvalidOperationException unconvertible)
                {
                    // A number or time span that is not one: the binder's message names the key and the type.
                    failures.Add($"{gateway}: {unconvertible.Message}");
                }
            }

            if (failures.Count > 0)
            {
                throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(TOptions), failures);
            }
        }

        /// <summary>
        /// Why <paramref name="address"/> cannot be a gateway's base address, or null: it must be an absolute http or
        /// https URL of only scheme, host and port. A path is refused rather than kept or doubled: the clients add the
        /// documented paths (<c>/api/json.php</c>, <c>/apiext/Sendout/SendIM</c> …) themselves.
        /// </summary>
        /// <param name="address">The address as written.</param>
        /// <param name="example">The gateway's production address, shown as the form to write.</param>
        public static string? BaseAddressProblem(string address, Uri example)
        {
            var host = example.GetLeftPart(UriPartial.Authority);
            if (!Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return $"'{address}' is not an absolute http or https URL; give the scheme, host and port, for example {host}";
            }

            if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                return $"'{address}' carries a path ({uri.PathAndQuery}{uri.Fragment}); give only the scheme, host and port, for example "
                    + $"{uri.GetLeftPart(UriPartial.Authority)}: the SDK adds the documented paths itself and refuses a base address with a path rather than doubling it";
            }

            return null;
        }

        /// <summary>
        /// Why the base address <paramref name="options"/> hold cannot be used, as <c>AlphaSmsOptions.BaseAddress: …</c>,
        /// or null: the rule of <see cref="BaseAddressProblem"/>, for options set in code (checked when the host starts
        /// and when a client is created with them).
        /// </summary>
        public static string? BaseAddressFailure(GatewayOptions options) =>
            BaseAddressProblem(options.BaseAddress.OriginalString, options.DefaultBaseAddress) is { } problem
                ? $"{options.GetType().Name}.{nameof(GatewayOptions.BaseAddress)}: {problem}"
                : null;

        private static void Check(IConfiguration section, Type type, string gateway, Uri example, List<string> failures)
        {
            var settings = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetSetMethod() != null && p.GetIndexParameters().Length == 0)
                .ToList();
            foreach (var child in section.GetChildren())
            {
                var property = settings.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
                if (property is null)
                {
                    failures.Add($"{child.Path}: not a setting of {gateway}; the settings are {string.Join(", ", settings.Select(p => p.Name))}");
                    continue;
                }

                var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (valueType.IsEnum)
                {
                    if (child.Value is { } value && !Enum.GetNames(valueType).Any(name => string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase)))
                    {
                        failures.Add($"{child.Path}: '{value}' is not a {property.Name}; the values are {string.Join(", ", Enum.GetNames(valueType))}");
                    }
                }
                else if (valueType == typeof(Uri))
                {
                    if (child.Value is { } address && BaseAddressProblem(address, example) is { } problem)
                    {
                        failures.Add($"{child.Path} ({gateway}): {problem}");
                    }
                }
                else if (valueType.IsClass && valueType != typeof(string))
                {
                    Check(child, valueType, gateway, example, failures);
                }
            }
        }
    }
}
