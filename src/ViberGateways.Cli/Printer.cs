using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ViberGateways.Cli
{
    /// <summary>One line of a command's outcome: a recipient and what became of its message.</summary>
    internal sealed record OutcomeRow(string Recipient, string Outcome, string? GatewayId = null, string? ClientId = null, string? Status = null, string? Detail = null);

    /// <summary>Writes a command's outcome as aligned text, or as JSON with <c>--json</c>.</summary>
    internal sealed class Printer
    {
        private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };

        private readonly TextWriter _output;
        private readonly bool _json;

        public Printer(TextWriter output, bool json)
        {
            _output = output;
            _json = json;
        }

        public void Outcome(string title, IReadOnlyList<OutcomeRow> rows)
        {
            if (_json)
            {
                _output.WriteLine(JsonSerializer.Serialize(new { gateway = title, results = rows }, JsonOptions));
                return;
            }

            _output.WriteLine(title);
            Table(new[] { "Recipient", "Outcome", "Gateway id", "Client id", "Status", "Detail" },
                rows.Select(r => new[] { r.Recipient, r.Outcome, r.GatewayId ?? "", r.ClientId ?? "", r.Status ?? "", r.Detail ?? "" }).ToList());
        }

        public void Value(string title, IReadOnlyDictionary<string, string?> values)
        {
            if (_json)
            {
                _output.WriteLine(JsonSerializer.Serialize(values.Where(v => v.Value != null).ToDictionary(v => v.Key, v => v.Value), JsonOptions));
                return;
            }

            _output.WriteLine(title);
            foreach (var value in values.Where(v => v.Value != null))
            {
                _output.WriteLine($"  {value.Key}: {value.Value}");
            }
        }

        /// <summary>Columns padded to their widest cell; empty columns left out.</summary>
        public void Table(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
        {
            var columns = Enumerable.Range(0, headers.Count).Where(c => rows.Any(r => r[c].Length > 0)).ToList();
            var widths = columns.ToDictionary(c => c, c => Math.Max(headers[c].Length, rows.Max(r => r[c].Length)));
            string Line(IReadOnlyList<string> cells) => "  " + string.Join("  ", columns.Select(c => cells[c].PadRight(widths[c]))).TrimEnd();
            _output.WriteLine(Line(headers));
            _output.WriteLine(Line(headers.Select((h, c) => new string('-', columns.Contains(c) ? widths[c] : 0)).ToList()));
            foreach (var row in rows)
            {
                _output.WriteLine(Line(row));
            }
        }
    }
}
