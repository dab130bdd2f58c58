using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace ViberGateways.IntegrationTests
{
    /// <summary>Console output held in memory that tells a test when a given text has been written.</summary>
    internal sealed class WatchedWriter : TextWriter
    {
        private readonly StringBuilder _written = new();
        private readonly string _awaited;
        private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public WatchedWriter(string awaited) => _awaited = awaited;

        public override Encoding Encoding => Encoding.UTF8;

        /// <summary>Completes once the output contains the awaited text.</summary>
        public Task Seen => _seen.Task;

        public override void Write(char value)
        {
            lock (_written)
            {
                _written.Append(value);
                if (_written.ToString().Contains(_awaited, StringComparison.Ordinal))
                {
                    _seen.TrySetResult();
                }
            }
        }

        public override string ToString()
        {
            lock (_written)
            {
                return _written.ToString();
            }
        }
    }
}
