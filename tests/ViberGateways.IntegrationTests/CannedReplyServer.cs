using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ViberGateways.IntegrationTests
{
    /// <summary>
    /// A gateway on 127.0.0.1 (a free port) that answers one path with a fixed body, for replies the sandbox does not
    /// produce as a gateway documents them word for word; any other path gets 404. Records every request it receives.
    /// </summary>
    internal sealed class CannedReplyServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly List<string> _requests = new();

        private CannedReplyServer(WebApplication app) => _app = app;

        /// <summary>Scheme, host and port, with a trailing slash.</summary>
        public Uri BaseAddress { get; private set; } = null!;

        /// <summary>Every request received, as <c>METHOD /path?query</c>.</summary>
        public IReadOnlyList<string> Requests
        {
            get
            {
                lock (_requests)
                {
                    return _requests.ToList();
                }
            }
        }

        public static async Task<CannedReplyServer> StartAsync(string path, string body, string contentType = "application/json")
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var server = new CannedReplyServer(app);
            app.Run(async http =>
            {
                lock (server._requests)
                {
                    server._requests.Add($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}");
                }

                if (http.Request.Path != path)
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                http.Response.ContentType = contentType;
                await http.Response.WriteAsync(body);
            });

            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
            return server;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
