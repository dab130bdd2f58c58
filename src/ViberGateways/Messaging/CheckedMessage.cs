using System.Collections.Generic;
using System.Linq;

namespace ViberGateways
{
    /// <summary>A neutral message as checked: the generated request model it became, its recipients' digits, and the caller's client id of each.</summary>
    internal sealed class CheckedMessage<TMessage>(TMessage message, IReadOnlyList<string> digits, ViberMessage neutral)
    {
        public TMessage Message { get; } = message;

        public IReadOnlyList<string> Digits { get; } = digits;

        /// <summary>The recipients as the caller gave them (a result names its recipient so).</summary>
        public IList<string> Recipients { get; } = neutral.Recipients;

        /// <summary>Each recipient's client id (<see cref="ViberMessage.ClientIdOf(int)"/>), or nulls when the message has none.</summary>
        public IReadOnlyList<long?> ClientIds { get; } = Enumerable.Range(0, digits.Count).Select(neutral.ClientIdOf).ToList();

        /// <summary>The first recipient's client id (the one a one-recipient message is sent with).</summary>
        public long? ClientId => ClientIds.Count > 0 ? ClientIds[0] : null;
    }
}
