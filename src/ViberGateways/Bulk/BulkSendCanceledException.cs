using System;
using System.Threading;

namespace ViberGateways.Bulk
{
    /// <summary>
    /// Ends a bulk send's result stream after the caller cancelled it, once every recipient read from the input has
    /// had its result: requests in flight are reported <see cref="SendOutcome.Unknown"/>, recipients read but not
    /// yet sent <see cref="SendOutcome.NotSent"/>. Resume from <see cref="NextIndex"/>.
    /// </summary>
    public sealed class BulkSendCanceledException : OperationCanceledException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="progress">The final tallies.</param>
        /// <param name="cancellationToken">The token that cancelled the send.</param>
        public BulkSendCanceledException(BulkProgress progress, CancellationToken cancellationToken)
            : base($"The bulk send was cancelled: {progress}. Input from index {progress?.Read} on was not read.", cancellationToken)
        {
            Progress = progress ?? throw new ArgumentNullException(nameof(progress));
        }

        /// <summary>The final tallies: every recipient read has a result in the stream.</summary>
        public BulkProgress Progress { get; }

        /// <summary>
        /// The index of the first recipient not read, counted as <see cref="SendResult.Index"/> counts them; every
        /// recipient before it has a result. Sending personalised messages, a message is read whole or not at all, so
        /// this is where the first message not read starts.
        /// </summary>
        public long NextIndex => Progress.Read;
    }
}
