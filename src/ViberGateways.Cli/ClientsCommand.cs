using System;
using System.CommandLine;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using ViberGateways;

namespace ViberGateways.Cli
{
    /// <summary><c>viber clients</c>: lists the SDK's gateway clients and the operations each one offers.</summary>
    internal static class ClientsCommand
    {
        public static Command Create()
        {
            var command = new Command("clients", "List the gateway clients of the SDK and their operations.");
            command.SetAction(_ =>
            {
                var assembly = typeof(GatewayOptions).Assembly;
                var clients = assembly.GetExportedTypes()
                    .Where(t => t.IsClass && !t.IsAbstract && IsGatewayClient(t))
                    .OrderBy(t => t.Namespace, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)
                    .ToList();
                foreach (var client in clients)
                {
                    Console.WriteLine($"{client.Namespace!.Substring("ViberGateways.".Length)}  {client.Name}");
                    foreach (var method in client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                                 .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType))
                                 .OrderBy(m => m.Name, StringComparer.Ordinal))
                    {
                        var parameters = string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name));
                        Console.WriteLine($"    {method.Name}({parameters})");
                    }
                }

                Console.WriteLine($"{clients.Count} clients.");
                return 0;
            });
            return command;
        }

        private static bool IsGatewayClient(Type type)
        {
            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(GatewayClientBase<>))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
