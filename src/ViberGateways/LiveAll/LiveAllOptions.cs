using System;
using System.Collections.Generic;

namespace ViberGateways.LiveAll
{
    /// <summary>Settings for the LiveAll client.</summary>
    public sealed class LiveAllOptions : GatewayOptions
    {
        /// <summary>The production address.</summary>
        public static readonly Uri ProductionAddress = new Uri("https://sms.liveall.eu/");

        /// <summary>Creates options pointing at <see cref="ProductionAddress"/>.</summary>
        public LiveAllOptions()
            : base(ProductionAddress)
        {
        }

        /// <summary>The account's API token (<c>apitoken</c>), shown on the LiveAll account page.</summary>
        public string? ApiToken { get; set; }

        /// <summary>The API token, or a validation error naming the missing setting.</summary>
        internal string RequireApiToken() =>
            string.IsNullOrWhiteSpace(ApiToken)
                ? throw new RequestValidationException(new[] { new ValidationViolation(nameof(LiveAllOptions) + "." + nameof(ApiToken), "required", "LiveAll needs an API token") })
                : ApiToken!;

        internal override IEnumerable<string?> Credentials() => new[] { ApiToken };
    }
}
