using System;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Cli
{
    /// <summary>Entry point of the <c>viber</c> command.</summary>
    internal static class Program
    {
        private static Task<int> Main(string[] args) => new ViberCli(Console.Out, Console.Error).RunAsync(args, CancellationToken.None);
    }
}
