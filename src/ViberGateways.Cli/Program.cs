using System.CommandLine;
using System.Threading.Tasks;

namespace ViberGateways.Cli
{
    /// <summary>Entry point of the <c>viber</c> command.</summary>
    internal static class Program
    {
        private static Task<int> Main(string[] args)
        {
            var root = new RootCommand("Send Viber business messages through AlphaSMS, LiveAll and SMS.by.");
            root.Subcommands.Add(ClientsCommand.Create());
            return root.Parse(args).InvokeAsync();
        }
    }
}
