using System.Buffers;
using Newtonsoft.Json;

namespace ViberGateways.Http
{
    /// <summary>Lends Newtonsoft.Json's readers and writers their character buffers from the shared pool, instead of a new array per call.</summary>
    internal sealed class JsonCharPool : IArrayPool<char>
    {
        public static readonly JsonCharPool Instance = new JsonCharPool();

        public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array != null)
            {
                ArrayPool<char>.Shared.Return(array);
            }
        }
    }
}
