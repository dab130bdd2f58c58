using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ViberGateways.AlphaSms;
using ViberGateways.Cli;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;

namespace ViberGateways.IntegrationTests
{
    /// <summary>
    /// The <c>viber</c> command's quick path (a client made without the container) reads a gateway's options exactly as
    /// <c>AddViberGateways</c> does: the same configuration, with every setting of every gateway given a value that is
    /// not its default, gives the same options both ways. The settings are found by reflection, so a setting added
    /// later is covered without touching this test.
    /// </summary>
    public class CliOptionsBindingTests
    {
        public static TheoryData<Gateway> Gateways => new() { Gateway.AlphaSms, Gateway.LiveAll, Gateway.SmsBy };

        [Theory]
        [MemberData(nameof(Gateways))]
        public void The_commands_quick_path_binds_every_setting_as_the_container_does(Gateway gateway)
        {
            var defaults = DefaultsOf(gateway);
            var values = new Dictionary<string, string?>();
            NonDefaultValues(defaults, gateway.ToString(), values);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

            var quick = GatewayConnection.BoundOptions(configuration, gateway);
            var container = FromContainer(configuration, gateway);

            var quickSettings = Settings(quick, gateway.ToString());
            quickSettings.ShouldBe(Settings(container, gateway.ToString()));
            quickSettings.Keys.ShouldBe(values.Keys, ignoreOrder: true, "every setting written is read");
            foreach (var (key, value) in Settings(defaults, gateway.ToString()))
            {
                quickSettings[key].ShouldNotBe(value, $"{key} kept its default: the configuration did not reach it");
            }
        }

        private static GatewayOptions DefaultsOf(Gateway gateway) => gateway switch
        {
            Gateway.AlphaSms => new AlphaSmsOptions(),
            Gateway.LiveAll => new LiveAllOptions(),
            _ => new SmsByOptions(),
        };

        private static GatewayOptions FromContainer(IConfiguration configuration, Gateway gateway)
        {
            var services = new ServiceCollection();
            services.AddViberGateways(configuration);
            using var provider = services.BuildServiceProvider();
            return gateway switch
            {
                Gateway.AlphaSms => provider.GetRequiredService<IOptions<AlphaSmsOptions>>().Value,
                Gateway.LiveAll => provider.GetRequiredService<IOptions<LiveAllOptions>>().Value,
                _ => provider.GetRequiredService<IOptions<SmsByOptions>>().Value,
            };
        }

        /// <summary>The settings configuration can reach: public, settable, not a clock (a <see cref="TimeProvider"/> is set in code).</summary>
        private static IEnumerable<PropertyInfo> Settable(object options) =>
            options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetSetMethod() != null && p.GetIndexParameters().Length == 0 && p.PropertyType != typeof(TimeProvider));

        /// <summary>Every setting of <paramref name="defaults"/> as a configuration key, with a value that differs from its default.</summary>
        private static void NonDefaultValues(object defaults, string path, Dictionary<string, string?> values)
        {
            foreach (var property in Settable(defaults))
            {
                var key = $"{path}:{property.Name}";
                var current = property.GetValue(defaults);
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (type == typeof(string))
                {
                    values[key] = property.Name + "-configured";
                }
                else if (type == typeof(int) || type == typeof(long))
                {
                    values[key] = (Convert.ToInt64(current ?? 0L, CultureInfo.InvariantCulture) + 7).ToString(CultureInfo.InvariantCulture);
                }
                else if (type == typeof(bool))
                {
                    values[key] = current is true ? "false" : "true";
                }
                else if (type.IsEnum)
                {
                    values[key] = Enum.GetNames(type).Last(name => !Equals(Enum.Parse(type, name), current));
                }
                else if (type == typeof(TimeSpan))
                {
                    values[key] = ((TimeSpan)current! + TimeSpan.FromSeconds(7)).ToString("c", CultureInfo.InvariantCulture);
                }
                else if (type == typeof(Uri))
                {
                    values[key] = "http://127.0.0.1:5/";
                }
                else if (type.IsClass)
                {
                    NonDefaultValues(current!, key, values);
                }
                else
                {
                    throw new InvalidOperationException($"{key}: no value for a {type.Name} setting; teach this test one");
                }
            }
        }

        /// <summary>Every setting configuration can reach, as configuration key → value written invariantly.</summary>
        private static Dictionary<string, string?> Settings(object options, string path)
        {
            var settings = new Dictionary<string, string?>();
            foreach (var property in Settable(options))
            {
                var key = $"{path}:{property.Name}";
                var value = property.GetValue(options);
                var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (type.IsClass && type != typeof(string) && type != typeof(Uri))
                {
                    foreach (var nested in Settings(value!, key))
                    {
                        settings[nested.Key] = nested.Value;
                    }
                }
                else
                {
                    settings[key] = value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString();
                }
            }

            return settings;
        }
    }
}
