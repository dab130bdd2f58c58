using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Http
{
    /// <summary>
    /// Calls a generated multipart operation with a form model. NSwag turns a multipart body into one method parameter
    /// per form field, named as the field is on the wire; each is filled from the model's field of that wire name, so a
    /// field added to the spec's form reaches the wire with no change here.
    /// </summary>
    internal static class MultipartForms
    {
        private static readonly ConcurrentDictionary<(Type, string), (MethodInfo Method, Func<object, object?>?[] Fields)> Bindings = new();

        /// <summary>
        /// Invokes the generated <paramref name="operation"/> of <paramref name="client"/> with <paramref name="form"/>'s
        /// fields; <paramref name="asFile"/> turns a field the operation takes as a file (an image's bytes) into its part.
        /// </summary>
        public static Task<TReply> SendAsync<TReply>(object client, string operation, object form, Func<object, object> asFile, CancellationToken cancellationToken)
        {
            var (method, fields) = Bindings.GetOrAdd((client.GetType(), operation), key =>
            {
                var found = key.Item1.GetMethod(key.Item2, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                    ?? throw new InvalidOperationException($"{key.Item1.Name} has no generated operation {key.Item2}.");
                var formFields = WireNames.PropertiesOf(form.GetType());
                return (found, found.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? null
                    : formFields.FirstOrDefault(f => f.Name == p.Name)?.Read
                        ?? throw new InvalidOperationException($"{key.Item2}'s field {p.Name} is not a field of {form.GetType().Name}: the spec's form and operation differ.")).ToArray());
            });
            var parameters = method.GetParameters();
            var arguments = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                var value = fields[i] is { } read ? read(form) : cancellationToken;
                arguments[i] = value is null || parameters[i].ParameterType.IsInstanceOfType(value) ? value : asFile(value);
            }

            return (Task<TReply>)method.Invoke(client, arguments)!;
        }
    }
}
