namespace ViberGateways.LiveAll
{
    /// <summary>What only LiveAll can do with a message (<see cref="ViberMessage.LiveAll"/>); the other gateways ignore it.</summary>
    public sealed class LiveAllMessageOptions
    {
        /// <summary>
        /// Send the SMS fallback at the low-cost price category (<c>pricecat</c> 1) instead of the normal one; a message
        /// without <see cref="ViberMessage.SmsFallback"/> that sets it is refused (there is no SMS to price).
        /// </summary>
        public bool LowCostSms { get; set; }
    }
}
