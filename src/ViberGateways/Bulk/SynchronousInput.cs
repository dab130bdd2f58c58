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
    internal sealed class SynchronousInput<T>(IEnumerable<T> items, string name) : IAsyncEnumerable<T>
    {
        private readonly IEnumerable<T> _items = items ?? throw new ArgumentNullException(name);

        public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => new Enumerator(_items.GetEnumerator(), cancellationToken);

        private sealed class Enumerator(IEnumerator<T> items, CancellationToken cancellationToken) : IAsyncEnumerator<T>
        {
            public T Current => items.Current;

            public ValueTask<bool> MoveNextAsync()
            {
                cancellationToken.ThrowIfCancellationRequested();
                return new ValueTask<bool>(items.MoveNext());
            }

            public ValueTask DisposeAsync()
            {
                items.Dispose();
                return default;
            }
        }
    }
}
