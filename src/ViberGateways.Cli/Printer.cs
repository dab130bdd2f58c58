using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ViberGateways.Cli
{
    /// <summary>One column of a results table: its heading and how a row fills it.</summary>
    internal sealed record Column<T>(string Header, Func<T, string?> Cell);

    /// <summary>Writes a command's outcome as aligned text, or as JSON with <c>--json</c>.</summary>
    internal sealed class Printer
    {
        /// <summary>
        /// camelCase, nulls left out, and plain UTF-8 (<c>+380…</c>, not <c>\u002B380…</c>): the output is read by people
        /// and by programs, never embedded in HTML. The shapes come from <see cref="PrintedJson"/>, generated at build
        /// time: the native (AOT) tool has no reflection-based serializer.
        /// </summary>
        private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = PrintedJson.Default,
        };

        private readonly TextWriter _output;
        private readonly bool _json;

        public Printer(TextWriter output, bool json)
        {
            _output = output;
            _json = json;
        }

        /// <summary>A titled table of rows, or with <c>--json</c> <c>{ "title": …, "results": [rows] }</c>.</summary>
        public void Results<T>(string title, IReadOnlyList<T> rows, params Column<T>[] columns)
        {
            if (_json)
            {
                WriteJson(new PrintedResults<T>(title, rows));
                return;
            }

            _output.WriteLine(title);
            Table(columns.Select(c => c.Header).ToList(), rows.Select(r => columns.Select(c => c.Cell(r) ?? "").ToArray()).ToList());
        }

        /// <summary>A titled list of values, or with <c>--json</c> the values as one object; nulls are left out of both.</summary>
        public void Value(string title, IReadOnlyDictionary<string, string?> values)
        {
            if (_json)
            {
                WriteJson(values.Where(v => v.Value != null).ToDictionary(v => v.Key, v => v.Value));
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

        private void WriteJson<TValue>(TValue value) =>
            _output.WriteLine(JsonSerializer.Serialize(value, (JsonTypeInfo<TValue>)JsonOptions.GetTypeInfo(typeof(TValue))));

        /// <summary>An outcome or state as it is printed and written in JSON: <c>accepted</c>, <c>not-sent</c>, <c>delivered</c>.</summary>
        public static string Word<TEnum>(TEnum value)
            where TEnum : struct, Enum =>
            string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }
}
