using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Bulk
{
    /// <summary>
    /// An <see cref="IEnumerable{T}"/> read as an <see cref="IAsyncEnumerable{T}"/>, one item at a time, never copied:
    /// the bulk sends' overloads for lists, arrays and lazy sequences. (The BCL has this only from .NET 10 on.)
    /// </summary>
    internal sealed class SynchronousInput<T> : IAsyncEnumerable<T>
    {
        private readonly IEnumerable<T> _items;

        public SynchronousInput(IEnumerable<T> items, string name)
        {
            _items = items ?? throw new ArgumentNullException(name);
        }

        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => new Enumerator(_items.GetEnumerator(), cancellationToken);

        private sealed class Enumerator : IAsyncEnumerator<T>
        {
            private readonly IEnumerator<T> _items;
            private readonly CancellationToken _cancellationToken;

            public Enumerator(IEnumerator<T> items, CancellationToken cancellationToken)
            {
                _items = items;
                _cancellationToken = cancellationToken;
            }

            public T Current => _items.Current;

            public ValueTask<bool> MoveNextAsync()
            {
                _cancellationToken.ThrowIfCancellationRequested();
                return new ValueTask<bool>(_items.MoveNext());
            }

            public ValueTask DisposeAsync()
            {
                _items.Dispose();
                return default;
            }
        }
    }
}
