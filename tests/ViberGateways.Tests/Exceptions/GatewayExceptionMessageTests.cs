using System;
using System.Net.Http;

namespace ViberGateways.Tests.Exceptions
{
    /// <summary>An exception's message says in words what the reply was, not a bare <c>(HTTP 200)</c> or <c>(HTTP 0)</c>.</summary>
    public class GatewayExceptionMessageTests
    {
        [Fact]
        public void An_error_inside_a_successful_reply_says_the_gateway_answered_http_200_with_an_error() =>
            new GatewayRejectedException("AlphaSMS rejected the request: Access denied", null, "Access denied", null).Message
                .ShouldBe("AlphaSMS rejected the request: Access denied (the gateway answered HTTP 200 with an error)");

        [Fact]
        public void A_failed_connection_says_no_response_connection_failed() =>
            new GatewayUnavailableException("Could not reach the gateway (Connection refused); nothing was sent", 0, null, new HttpRequestException("Connection refused")).Message
                .ShouldBe("Could not reach the gateway (Connection refused); nothing was sent (no response: connection failed)");

        [Fact]
        public void No_reply_for_another_reason_says_no_response() =>
            new GatewayOutcomeUnknownException("The request may have reached the gateway, but no reply was read (no reply within 30 s)", 0, new TimeoutException()).Message
                .ShouldEndWith("(no response)");

        [Fact]
        public void Another_status_is_named() =>
            new GatewayException("The gateway answered with an error page", 503, null, null, null).Message
                .ShouldBe("The gateway answered with an error page (the gateway answered HTTP 503)");
    }
}
