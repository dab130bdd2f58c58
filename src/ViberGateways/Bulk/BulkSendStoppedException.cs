using System;

namespace ViberGateways.Bulk
{
    /// <summary>
    /// Ends a bulk send's result stream when the gateway refused a whole request (for example a wrong key) or stayed
    /// unavailable after retries: sending on would fail the same way. Every recipient read from the input has had its
    /// result; those not yet sent are <see cref="SendOutcome.NotSent"/>. The cause is the <see cref="Exception.InnerException"/>.
    /// </summary>
    public sealed class BulkSendStoppedException : GatewayException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="progress">The final tallies.</param>
        /// <param name="cause">The failure that stopped the send.</param>
        public BulkSendStoppedException(BulkProgress progress, GatewayException cause)
            : base($"The bulk send stopped: {progress}", cause?.StatusCode ?? 0, cause?.GatewayErrorCode, cause?.GatewayMessage, null, cause)
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
