using System;

namespace ViberGateways.Bulk
{
    /// <summary>How far a bulk send has come: a snapshot, safe to keep.</summary>
    public sealed class BulkProgress
    {
        /// <summary>Creates a snapshot.</summary>
        /// <param name="read">Recipients taken from the input.</param>
        /// <param name="accepted">Recipients the gateway accepted.</param>
        /// <param name="rejected">Recipients the gateway (or validation) rejected.</param>
        /// <param name="unknown">Recipients whose request may have reached the gateway without a usable reply.</param>
        /// <param name="notSent">Recipients never sent (gateway unavailable, send stopped or cancelled).</param>
        /// <param name="requests">Requests sent.</param>
        /// <param name="elapsed">Time since the send started.</param>
        public BulkProgress(long read, long accepted, long rejected, long unknown, long notSent, int requests, TimeSpan elapsed)
        {
            Read = read;
            Accepted = accepted;
            Rejected = rejected;
            Unknown = unknown;
            NotSent = notSent;
            Requests = requests;
            Elapsed = elapsed;
        }

        /// <summary>Recipients taken from the input so far.</summary>
        public long Read { get; }

        /// <summary>Recipients the gateway accepted.</summary>
        public long Accepted { get; }

        /// <summary>Recipients rejected by the gateway, or by validation before sending.</summary>
        public long Rejected { get; }

        /// <summary>Recipients whose request may have reached the gateway without a usable reply.</summary>
        public long Unknown { get; }

        /// <summary>Recipients never sent: the gateway was unavailable, or the send was stopped or cancelled first.</summary>
        public long NotSent { get; }

        /// <summary>Requests sent to the gateway.</summary>
        public int Requests { get; }

        /// <summary>Time since the send started.</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>Recipients with a result.</summary>
        public long Completed => Accepted + Rejected + Unknown + NotSent;

        /// <inheritdoc />
        public override string ToString() =>
            $"{Completed} of {Read} recipients done in {Elapsed.TotalSeconds:0.0} s ({Requests} requests): "
            + $"{Accepted} accepted, {Rejected} rejected, {Unknown} unknown, {NotSent} not sent";
    }
}
