using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ViberGateways;
using ViberGateways.AlphaSms;
using ViberGateways.Http;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>
    /// Registers the gateway clients with IHttpClientFactory: options bound from configuration and validated when the
    /// host starts, the base address from the options, pooled connections (at most <see cref="GatewayOptions.MaxConnections"/>),
    /// and log events through the host's logging. Every client runs the SDK's own pipeline — telemetry, then the retry
    /// policy, then the reply guard — in front of the factory's HttpClient, as a client made with <c>new</c> does. The
    /// factory's own request logging is removed (it would write URLs that carry keys). Do not add a retrying handler:
    /// the SDK's policy already retries what is safe and deliberately never repeats a send that may have reached the gateway.
    /// </summary>
    public static class ViberGatewaysServiceCollectionExtensions
    {
        /// <summary>The named HttpClient the AlphaSMS clients use.</summary>
        public const string AlphaSmsHttpClientName = "ViberGateways.AlphaSms";

        /// <summary>The named HttpClient the LiveAll client uses.</summary>
        public const string LiveAllHttpClientName = "ViberGateways.LiveAll";

        /// <summary>The named HttpClient the SMS.by client uses.</summary>
        public const string SmsByHttpClientName = "ViberGateways.SmsBy";

        /// <summary>
        /// Registers the AlphaSMS <see cref="IViberClient"/> (keyed <see cref="Gateway.AlphaSms"/>, speaking
        /// <see cref="AlphaSmsOptions.Transport"/>) and the three transport clients, with options bound from <paramref name="configuration"/> (e.g. the <c>AlphaSms</c> section). When the
        /// host starts, a key that is not a setting, an enum value that is not one of its names (the names are listed),
        /// and a base address that is not an absolute http(s) URL or that carries a path each fail the start with an
        /// <see cref="OptionsValidationException"/> naming the gateway and the key.
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configuration">The configuration section holding <see cref="AlphaSmsOptions"/>.</param>
        /// <returns>The HttpClient builder, for example to set a primary handler in tests.</returns>
        public static IHttpClientBuilder AddAlphaSms(this IServiceCollection services, IConfiguration configuration) =>
            services.AddAlphaSms(options => GatewayConfiguration.Bind(configuration, options, nameof(Gateway.AlphaSms)));

        /// <summary>Registers the AlphaSMS <see cref="IViberClient"/> and the three transport clients, configured in code.</summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configure">Sets the options.</param>
        /// <returns>The HttpClient builder.</returns>
        public static IHttpClientBuilder AddAlphaSms(this IServiceCollection services, Action<AlphaSmsOptions> configure)
        {
            var builder = services.AddGateway<AlphaSmsClientBase, AlphaSmsOptions>(AlphaSmsHttpClientName, Gateway.AlphaSms, configure,
                options => !string.IsNullOrWhiteSpace(options.ApiKey)
                    || (options.Transport == AlphaSmsTransport.Http && !string.IsNullOrWhiteSpace(options.Login) && !string.IsNullOrEmpty(options.Password))
                    ? null
                    : "AlphaSms: ApiKey is required (the HTTP transport also accepts Login and Password)",
                AlphaSmsClientBase.Create);
            builder.AddClient<IAlphaSmsJsonClient, AlphaSmsOptions>((options, http) => new AlphaSmsJsonClient(options, http));
            builder.AddClient<AlphaSmsXmlClient, AlphaSmsOptions>((options, http) => new AlphaSmsXmlClient(options, http));
            builder.AddClient<AlphaSmsHttpClient, AlphaSmsOptions>((options, http) => new AlphaSmsHttpClient(options, http));
            return builder;
        }

        /// <summary>Registers <see cref="ILiveAllClient"/> with options bound from <paramref name="configuration"/> (e.g. the <c>LiveAll</c> section).</summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configuration">The configuration section holding <see cref="LiveAllOptions"/>.</param>
        /// <returns>The HttpClient builder.</returns>
        public static IHttpClientBuilder AddLiveAll(this IServiceCollection services, IConfiguration configuration) =>
            services.AddLiveAll(options => GatewayConfiguration.Bind(configuration, options, nameof(Gateway.LiveAll)));

        /// <summary>Registers <see cref="ILiveAllClient"/>, configured in code.</summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configure">Sets the options.</param>
        /// <returns>The HttpClient builder.</returns>
        public static IHttpClientBuilder AddLiveAll(this IServiceCollection services, Action<LiveAllOptions> configure) =>
            services.AddGateway<ILiveAllClient, LiveAllOptions>(LiveAllHttpClientName, Gateway.LiveAll, configure,
                options => string.IsNullOrWhiteSpace(options.ApiKey) ? "LiveAll: ApiKey is required" : null,
                (options, http) => new LiveAllClient(options, http));

        /// <summary>Registers <see cref="ISmsByClient"/> with options bound from <paramref name="configuration"/> (e.g. the <c>SmsBy</c> section).</summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configuration">The configuration section holding <see cref="SmsByOptions"/>.</param>
        /// <returns>The HttpClient builder.</returns>
        public static IHttpClientBuilder AddSmsBy(this IServiceCollection services, IConfiguration configuration) =>
            services.AddSmsBy(options => GatewayConfiguration.Bind(configuration, options, nameof(Gateway.SmsBy)));

        /// <summary>Registers <see cref="ISmsByClient"/>, configured in code.</summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configure">Sets the options.</param>
        /// <returns>The HttpClient builder.</returns>
        public static IHttpClientBuilder AddSmsBy(this IServiceCollection services, Action<SmsByOptions> configure) =>
            services.AddGateway<ISmsByClient, SmsByOptions>(SmsByHttpClientName, Gateway.SmsBy, configure,
                options => string.IsNullOrWhiteSpace(options.ApiKey) ? "SmsBy: ApiKey is required" : null,
                (options, http) => new SmsByClient(options, http));

        /// <summary>
        /// Registers every gateway <paramref name="configuration"/> has a section for (<c>AlphaSms</c>, <c>LiveAll</c>,
        /// <c>SmsBy</c>) as a keyed <see cref="IViberClient"/> (key: its <see cref="Gateway"/>), and a
        /// <see cref="ViberRouter"/> over them with the <c>Routing</c> section's <see cref="RoutingOptions"/>. The
        /// routing is checked when the host starts, with the gateway options: a setting that is not a routing setting,
        /// a name that is not a gateway, a gateway without a section, a route key that is not a calling code and a
        /// value that is not true or false each fail the start with an <see cref="OptionsValidationException"/> naming
        /// its configuration key (for example <c>Routing:Routes:380:0</c>). A route or the failover order may also be
        /// written as one comma-separated string (<c>"Failover": "LiveAll, SmsBy"</c>).
        /// </summary>
        /// <param name="services">The service collection.</param>
        /// <param name="configuration">The configuration holding the gateway sections (for example the root of appsettings.json).</param>
        /// <returns>The service collection.</returns>
        /// <exception cref="OptionsValidationException">No gateway section is present.</exception>
        public static IServiceCollection AddViberGateways(this IServiceCollection services, IConfiguration configuration)
        {
            _ = services ?? throw new ArgumentNullException(nameof(services));
            _ = configuration ?? throw new ArgumentNullException(nameof(configuration));

            var configured = new List<Gateway>();
            foreach (var gateway in new[] { Gateway.AlphaSms, Gateway.LiveAll, Gateway.SmsBy })
            {
                var section = configuration.GetSection(gateway.ToString());
                if (section.Exists())
                {
                    configured.Add(gateway);
                    _ = gateway switch
                    {
                        Gateway.AlphaSms => services.AddAlphaSms(section),
                        Gateway.LiveAll => services.AddLiveAll(section),
                        _ => services.AddSmsBy(section),
                    };
                }
            }

            if (configured.Count == 0)
            {
                // The routing a gateway-less configuration could not give: the options this method registers.
                throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(RoutingOptions),
                    new[] { "the configuration has no gateway section: add AlphaSms, LiveAll or SmsBy (each with its ApiKey)" });
            }

            var routing = configuration.GetSection("Routing");
            services.AddOptions<RoutingOptions>()
                .Configure(options => BindRouting(routing, options))
                .ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingOptions>>(new StartupCheck<RoutingOptions>(
                options => options.Violations(configured, asConfigurationKeys: true).Select(violation => violation.ToString()))));
            services.TryAddTransient(provider => new ViberRouter(
                configured.Select(gateway => provider.GetRequiredKeyedService<IViberClient>(gateway)),
                Options<RoutingOptions>(provider)));
            return services;
        }

        /// <summary>
        /// Reads the <c>Routing</c> section into <paramref name="options"/>, checking what the configuration binder would
        /// silently skip or fail on with a bare type name: unknown settings, names that are not gateways, values that
        /// are not booleans. Each is named by its configuration key; the gateway names are listed.
        /// </summary>
        private static void BindRouting(IConfigurationSection section, RoutingOptions options)
        {
            var failures = new List<string>();
            var settings = new[] { nameof(RoutingOptions.Routes), nameof(RoutingOptions.Failover), nameof(RoutingOptions.FailoverOnRejection), nameof(RoutingOptions.FailoverWhenUnsupported) };
            failures.AddRange(section.GetChildren().Where(child => !settings.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                .Select(child => $"{child.Path}: not a routing setting; the settings are {string.Join(", ", settings)}"));

            var routes = section.GetSection(nameof(RoutingOptions.Routes));
            if (routes.Value is not null)
            {
                failures.Add($"{routes.Path}: must map calling codes to gateways, for example \"380\": [ \"AlphaSms\" ]");
            }

            // Read here rather than by the configuration binder, whose lists of gateways (enum values) a Native AOT
            // application cannot create, and which leaves a list written as one string empty.
            var routeLists = routes.GetChildren().Select(route => (route.Key, Gateways: GatewaysIn(route, failures))).ToList();
            var failover = section.GetSection(nameof(RoutingOptions.Failover));
            var failoverList = GatewaysIn(failover, failures);
            bool? Flag(string name)
            {
                var flag = section.GetSection(name);
                if (flag.Value is { } text && !bool.TryParse(text, out _))
                {
                    failures.Add($"{flag.Path}: '{text}' is not true or false");
                }

                return bool.TryParse(flag.Value, out var value) ? value : null;
            }

            var onRejection = Flag(nameof(RoutingOptions.FailoverOnRejection));
            var whenUnsupported = Flag(nameof(RoutingOptions.FailoverWhenUnsupported));
            if (failures.Count > 0)
            {
                throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(RoutingOptions), failures);
            }

            foreach (var (code, gateways) in routeLists)
            {
                options.Routes[code] = gateways;
            }

            options.Failover = failover.Exists() ? failoverList : options.Failover;
            options.FailoverOnRejection = onRejection ?? options.FailoverOnRejection;
            options.FailoverWhenUnsupported = whenUnsupported ?? options.FailoverWhenUnsupported;
        }

        /// <summary>The gateways a list names (its items, or one comma-separated string), each checked: a name in any case, never a number.</summary>
        private static List<Gateway> GatewaysIn(IConfigurationSection list, List<string> failures)
        {
            var items = list.Value is { } text
                ? text.Split(',').Select(name => (list.Path, Name: (string?)name.Trim()))
                : list.GetChildren().Select(item => (item.Path, Name: item.GetChildren().Any() ? null : item.Value));
            var gateways = new List<Gateway>();
            foreach (var (path, name) in items)
            {
                var gateway = Enum.GetNames(typeof(Gateway)).FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));
                if (gateway is null)
                {
                    failures.Add($"{path}: '{name}' is not a gateway; the gateways are {string.Join(", ", Enum.GetNames(typeof(Gateway)))}");
                }
                else
                {
                    gateways.Add((Gateway)Enum.Parse(typeof(Gateway), gateway));
                }
            }

            return gateways;
        }

        private static IHttpClientBuilder AddGateway<TService, TOptions>(this IServiceCollection services, string name, Gateway gateway, Action<TOptions> configure,
            Func<TOptions, string?> missingCredentials, Func<TOptions, HttpClient, GatewayClientBase<TOptions>> create)
            where TService : class
            where TOptions : GatewayOptions
        {
            _ = services ?? throw new ArgumentNullException(nameof(services));
            _ = configure ?? throw new ArgumentNullException(nameof(configure));

            services.AddOptions<TOptions>().Configure(configure).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new StartupCheck<TOptions>(options => GatewayFailures(options, missingCredentials))));

            var builder = services.AddHttpClient(name)
                .ConfigureHttpClient((provider, http) =>
                {
                    http.BaseAddress = Options<TOptions>(provider).BaseAddress;
                    // The retry policy's timeouts bound every call; HttpClient's own would cut across retries.
                    http.Timeout = Timeout.InfiniteTimeSpan;
                })
                .ConfigurePrimaryHttpMessageHandler(provider => new HttpClientHandler { MaxConnectionsPerServer = Options<TOptions>(provider).MaxConnections })
                .RemoveAllLoggers();
            builder.AddClient<TService, TOptions>(create);
            services.AddKeyedTransient<IViberClient>(gateway, (provider, _) => (IViberClient)provider.GetRequiredService<TService>());
            return builder;
        }

        /// <summary>Registers a client of the builder's named HttpClient, logging under that name.</summary>
        private static void AddClient<TService, TOptions>(this IHttpClientBuilder builder, Func<TOptions, HttpClient, GatewayClientBase<TOptions>> create)
            where TService : class
            where TOptions : GatewayOptions =>
            builder.AddTypedClient((http, provider) =>
            {
                var client = create(Options<TOptions>(provider), http);
                client.UseLogger(provider.GetService<ILoggerFactory>()?.CreateLogger(builder.Name) ?? Logging.Abstractions.NullLogger.Instance);
                return (TService)(object)client;
            });

        private static TOptions Options<TOptions>(IServiceProvider provider)
            where TOptions : class => provider.GetRequiredService<IOptions<TOptions>>().Value;

        /// <summary>Every setting of a gateway's options that is missing or wrong.</summary>
        private static IEnumerable<string> GatewayFailures<TOptions>(TOptions options, Func<TOptions, string?> missingCredentials)
            where TOptions : GatewayOptions
        {
            var resilience = options.Resilience;
            return new[]
            {
                missingCredentials(options),
                GatewayConfiguration.BaseAddressFailure(options),
                options.MaxConnections < 1 ? $"{typeof(TOptions).Name}.MaxConnections must be at least 1" : null,
                resilience.MaxRetryAttempts < 0 || resilience.BaseDelay < TimeSpan.Zero || resilience.AttemptTimeout <= TimeSpan.Zero
                    || resilience.TotalTimeout <= TimeSpan.Zero || resilience.MaxReplyBytes < 1 || resilience.TimeProvider is null
                    ? $"{typeof(TOptions).Name}.Resilience needs MaxRetryAttempts >= 0, BaseDelay >= 0, positive timeouts, MaxReplyBytes >= 1 and a TimeProvider"
                    : null,
            }.OfType<string>();
        }

        /// <summary>Checks options when the host starts, naming every setting that is missing or wrong.</summary>
        private sealed class StartupCheck<TOptions>(Func<TOptions, IEnumerable<string>> failuresOf) : IValidateOptions<TOptions>
            where TOptions : class
        {
            public ValidateOptionsResult Validate(string? name, TOptions options) =>
                failuresOf(options).ToList() is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
        }
    }
}
