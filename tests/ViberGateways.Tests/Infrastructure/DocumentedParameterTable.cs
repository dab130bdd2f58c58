using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ViberGateways.SmsBy;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// One endpoint of seed 004 as its documentation section gives it: the method (first line), the path (the line
    /// that starts with <c>/api/</c>) and the Parameters table (name, location, type, required).
    /// </summary>
    internal sealed class DocumentedParameterTable
    {
        private DocumentedParameterTable(string method, string path, IReadOnlyList<DocumentedParameter> parameters)
        {
            Method = method;
            Path = path;
            Parameters = parameters;
        }

        public string Method { get; }

        public string Path { get; }

        public IReadOnlyList<DocumentedParameter> Parameters { get; }

        /// <summary>The section copied beside <typeparamref name="TTest"/>, in <c>Data/&lt;Test&gt;.seed004.parameters.md</c>.</summary>
        public static DocumentedParameterTable Of<TTest>() => Parse(DocumentedFixtures.Read<TTest>("seed004.parameters.md"));

        public static DocumentedParameterTable Parse(string section)
        {
            var lines = section.Replace("\r\n", "\n").Split('\n');
            var rows = lines.Where(line => line.StartsWith("|", StringComparison.Ordinal))
                .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
                .ToList();
            rows[0].Take(4).ShouldBe(new[] { "Parameter", "Location", "Type", "Required" });
            rows[1].ShouldAllBe(cell => Regex.IsMatch(cell, "^-+$"));
            var parameters = rows.Skip(2).Select(cells => new DocumentedParameter(cells[0], cells[1], cells[2], cells[3] == "Yes")).ToList();
            parameters.ShouldNotBeEmpty();
            return new DocumentedParameterTable(lines[0].Trim(), lines.Single(line => line.StartsWith("/api/", StringComparison.Ordinal)).Trim(), parameters);
        }

        /// <summary>
        /// Sends one request through an SMS.by client (the reply answering it), checks it against the table
        /// (<see cref="ShouldBeCoveredBy"/>: alone it sends every documented parameter) and its values as a set.
        /// </summary>
        public async Task ShouldBeSentBy(string reply, Func<ISmsByClient, Task> send, params (string Name, string Value)[] values)
        {
            var gateway = new StubGateway().Reply(reply);

            await send(StubbedClients.SmsBy(gateway));

            ShouldBeCoveredBy(gateway.LastRequest);
            SentParameters.Of(gateway.LastRequest).Values().ShouldBe(values, ignoreOrder: true);
        }

        /// <summary>
        /// Every request went to the documented method and path; every parameter it sent is in the table, in the
        /// table's location, with a value of the table's type; every required parameter was sent; and together the
        /// requests sent every parameter of the table.
        /// </summary>
        public void ShouldBeCoveredBy(params RecordedRequest[] requests)
        {
            requests.ShouldNotBeEmpty();
            var sentNames = new HashSet<string>();
            foreach (var request in requests)
            {
                request.Method.ShouldBe(Method);
                request.Uri.AbsolutePath.ShouldBe(Path);
                var sent = SentParameters.Of(request);
                sent.Select(p => p.Name).ShouldBeUnique();
                foreach (var parameter in sent)
                {
                    var documented = Parameters.SingleOrDefault(p => p.Name == parameter.Name);
                    documented.ShouldNotBeNull($"{Path} sent `{parameter.Name}`, which its table does not document");
                    parameter.Location.ShouldBe(documented.Location, $"{Path}: where `{parameter.Name}` travels");
                    documented.ShouldAccept(parameter, Path);
                    sentNames.Add(parameter.Name);
                }

                Parameters.Where(p => p.Required).Select(p => p.Name).ShouldBeSubsetOf(sent.Select(p => p.Name), $"{Path}: the required parameters");
            }

            sentNames.ShouldBe(Parameters.Select(p => p.Name), ignoreOrder: true, $"{Path}: together the requests send every documented parameter");
        }
    }

    /// <summary>One row of a seed 004 Parameters table.</summary>
    internal sealed record DocumentedParameter(string Name, string Location, string Type, bool Required)
    {
        /// <summary>The sent value is of the documented type: an integer's digits, an uploaded file, or a plain string.</summary>
        public void ShouldAccept(SentParameter sent, string path)
        {
            var what = $"{path}: `{Name}` is documented as {Type}";
            switch (Type)
            {
                case "integer":
                    sent.Value.ShouldMatch("^-?[0-9]+$", what);
                    sent.FileName.ShouldBeNull(what);
                    break;
                case "file":
                    sent.FileName.ShouldNotBeNullOrEmpty(what);
                    break;
                case "string":
                    sent.FileName.ShouldBeNull(what);
                    break;
                default:
                    throw new InvalidOperationException($"{what}, a type these tests do not read");
            }
        }
    }
}
