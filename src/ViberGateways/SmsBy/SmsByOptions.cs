using System;
using System.Collections.Generic;

namespace ViberGateways.SmsBy
{
    /// <summary>Settings for the SMS.by client.</summary>
    public sealed class SmsByOptions : GatewayOptions
    {
        /// <summary>The production address.</summary>
        public static readonly Uri ProductionAddress = new Uri("https://app.sms.by/");

        /// <summary>Creates options pointing at <see cref="ProductionAddress"/>.</summary>
        public SmsByOptions()
            : base(ProductionAddress)
        {
        }

        /// <summary>The SMS.by API key (<c>token</c>).</summary>
        public string? Token { get; set; }

        /// <summary>The token, or a validation error naming the missing setting.</summary>
        internal string RequireToken() =>
            string.IsNullOrWhiteSpace(Token)
                ? throw new RequestValidationException(new[] { new ValidationViolation(nameof(SmsByOptions) + "." + nameof(Token), "required", "SMS.by needs an API token") })
                : Token!;

        internal override IEnumerable<string?> Credentials() => new[] { Token };
    }
}
