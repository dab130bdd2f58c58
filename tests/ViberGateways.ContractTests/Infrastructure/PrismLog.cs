using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.ContractTests.Infrastructure
{
    /// <summary>Everything a Prism process wrote to stdout and stderr, line by line, in order.</summary>
    public sealed class PrismLog
    {
        private readonly object _gate = new object();
        private readonly List<string> _lines = new List<string>();
        private TaskCompletionSource<bool> _lineAdded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>A position in the log; <see cref="Since"/> returns what was written after it.</summary>
        public int Mark()
        {
            lock (_gate)
            {
                return _lines.Count;
            }
        }

        public void Add(string stream, string line)
        {
            TaskCompletionSource<bool> added;
            lock (_gate)
            {
                _lines.Add(stream == "stderr" ? "[stderr] " + line : line);
                added = _lineAdded;
                _lineAdded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            added.TrySetResult(true);
        }

        /// <summary>
        /// Waits until at least <paramref name="count"/> lines written after <paramref name="mark"/> contain one of
        /// <paramref name="texts"/>, or <paramref name="limit"/> has passed; whether they were written.
        /// </summary>
        public async Task<bool> WaitForLinesAsync(int mark, int count, TimeSpan limit, params string[] texts)
        {
            using var giveUp = new CancellationTokenSource(limit);
            while (true)
            {
                Task next;
                lock (_gate)
                {
                    if (_lines.Skip(mark).Count(line => texts.Any(text => line.IndexOf(text, StringComparison.Ordinal) >= 0)) >= count)
                    {
                        return true;
                    }

                    next = _lineAdded.Task;
                }

                try
                {
                    await next.WaitAsync(giveUp.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }
        }

        public IReadOnlyList<string> Since(int mark)
        {
            lock (_gate)
            {
                return _lines.Skip(mark).ToList();
            }
        }

        public bool Contains(string text)
        {
            lock (_gate)
            {
                return _lines.Any(line => line.IndexOf(text, StringComparison.Ordinal) >= 0);
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return string.Join("\n", _lines);
            }
        }

        /// <summary>The last <paramref name="count"/> lines, for a failure message.</summary>
        public string Tail(int count)
        {
            lock (_gate)
            {
                var text = new StringBuilder();
                foreach (var line in _lines.Skip(Math.Max(0, _lines.Count - count)))
                {
                    text.Append("    ").AppendLine(line);
                }

                return text.ToString();
            }
        }
    }
}
