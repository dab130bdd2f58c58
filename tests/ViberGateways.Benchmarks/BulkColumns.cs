using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ViberGateways.Benchmarks
{
    /// <summary>The bulk benchmarks' extra columns: recipients per second (from the mean time) and the process's peak memory.</summary>
    public sealed class BulkColumnsConfig : ManualConfig
    {
        /// <summary>Adds the columns.</summary>
        public BulkColumnsConfig()
        {
            AddColumn(new RecipientsPerSecondColumn(), new PeakWorkingSetColumn(), new CpuPerRecipientColumn());
        }
    }

    /// <summary>
    /// What a benchmark process leaves for the host to report: its peak working set, and its processor time per
    /// recipient sent (the SDK's own cost, the sandbox running in another process).
    /// </summary>
    public static class ProcessFigures
    {
        private static long _recipientsSent;

        /// <summary>Counts recipients sent by this process (warm-up and every iteration).</summary>
        /// <param name="recipients">Recipients sent by one invocation.</param>
        public static void CountSent(long recipients) => System.Threading.Interlocked.Add(ref _recipientsSent, recipients);

        /// <summary>Records this process's figures for <paramref name="benchmark"/>.</summary>
        /// <param name="benchmark">The benchmark method's name.</param>
        /// <param name="recipients">The recipients parameter.</param>
        public static void Record(string benchmark, int recipients)
        {
            Directory.CreateDirectory(Folder);
            var process = Process.GetCurrentProcess();
            var cpuPerRecipient = _recipientsSent == 0 ? 0 : process.TotalProcessorTime.TotalMilliseconds * 1000 / _recipientsSent;
            File.WriteAllText(FileOf(benchmark, recipients),
                process.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture) + ";" + cpuPerRecipient.ToString("0.0", CultureInfo.InvariantCulture));
        }

        internal static (long PeakBytes, string CpuMicroseconds)? Read(string benchmark, int recipients)
        {
            if (!File.Exists(FileOf(benchmark, recipients)))
            {
                return null;
            }

            var parts = File.ReadAllText(FileOf(benchmark, recipients)).Split(';');
            return (long.Parse(parts[0], CultureInfo.InvariantCulture), parts[1]);
        }

        private static string Folder => Path.Combine(RepositoryRoot.Path, "artifacts", "benchmarks", "process-figures");

        private static string FileOf(string benchmark, int recipients) => Path.Combine(Folder, $"{benchmark}-{recipients}.txt");
    }

    internal sealed class RecipientsPerSecondColumn : IColumn
    {
        public string Id => nameof(RecipientsPerSecondColumn);

        public string ColumnName => "Recipients/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Recipients sent per second (the recipients parameter over the mean time)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return mean is > 0 ? (Recipients(benchmarkCase) / (mean.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture) : "-";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        internal static int Recipients(BenchmarkCase benchmarkCase) =>
            (int)benchmarkCase.Parameters.Items.Single(p => p.Name == "Recipients").Value;
    }

    internal sealed class PeakWorkingSetColumn : IColumn
    {
        public string Id => nameof(PeakWorkingSetColumn);

        public string ColumnName => "Peak memory";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Peak working set of the benchmark process (runtime included), over warm-up and all iterations";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            ProcessFigures.Read(benchmarkCase.Descriptor.WorkloadMethod.Name, RecipientsPerSecondColumn.Recipients(benchmarkCase)) is { } figures
                ? (figures.PeakBytes / (1024.0 * 1024.0)).ToString("N0", CultureInfo.InvariantCulture) + " MB"
                : "-";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}

namespace ViberGateways.Benchmarks
{
    internal sealed class CpuPerRecipientColumn : IColumn
    {
        public string Id => nameof(CpuPerRecipientColumn);

        public string ColumnName => "CPU/recipient";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 2;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Processor time of the benchmark process (the SDK's side; the sandbox runs in another process) per recipient sent";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            ProcessFigures.Read(benchmarkCase.Descriptor.WorkloadMethod.Name, RecipientsPerSecondColumn.Recipients(benchmarkCase)) is { } figures
                ? figures.CpuMicroseconds + " μs"
                : "-";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
