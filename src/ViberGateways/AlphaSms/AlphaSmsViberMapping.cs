using System;
using System.Collections.Generic;
using System.Globalization;

namespace ViberGateways.AlphaSms
{
    /// <summary>Where one recipient's AlphaSMS message came from in the neutral API: its message's field path and its recipient's.</summary>
    internal sealed class NeutralPath(string message, string recipient)
    {
        /// <summary>The message, for example <c>message</c> or <c>messages[2]</c>.</summary>
        public string Message { get; } = message;

        /// <summary>The recipient, for example <c>message.Recipients[1]</c>.</summary>
        public string Recipient { get; } = recipient;
    }

    /// <summary>
    /// The neutral API's <see cref="ViberMessage"/> as AlphaSMS messages (one per recipient) and back: results as
    /// <see cref="SendResult"/>s with their <see cref="MessageReference"/>, statuses as <see cref="DeliveryStatus"/>es,
    /// and the AlphaSMS checks' violations under the neutral field names (<c>message.AlphaSms.ShortenLinks</c>,
    /// <c>message.Recipients[1]</c>).
    /// </summary>
    internal static class AlphaSmsViberMapping
    {
        /// <summary>
        /// Recipient <paramref name="recipient"/>'s message. The senders default to the options'; a missing one is left
        /// empty, for the checks to report under the neutral name (<see cref="Neutral"/>).
        /// </summary>
        public static AlphaSmsMessage ToAlphaSms(ViberMessage message, string recipient, long? clientId, AlphaSmsOptions options) => new()
        {
            Recipient = recipient,
            Sender = message.Sender ?? options.Sender ?? "",
            Text = message.Text,
            ImageUrl = message.ImageUrl,
            Button = message.Button is { } button ? new AlphaSmsButton(button.Caption, button.Url) : null,
            Lifetime = message.Lifetime,
            ScheduledAt = message.ScheduledAt,
            SmsFallback = message.SmsFallback is { } fallback ? new AlphaSmsSmsFallback(fallback.Sender ?? options.SmsSender ?? "", fallback.Text) : null,
            ClientId = clientId,
            ShortenLinks = message.AlphaSms?.ShortenLinks,
            StatusCallbackUrl = message.AlphaSms?.StatusCallbackUrl,
        };

        /// <summary>
        /// The client id of the message to recipient <paramref name="recipient"/> (0-based): over JSON and XML
        /// <see cref="ViberMessage.ClientId"/> plus the recipient's position when the message sets one (so sending the
        /// same message again is de-duplicated over XML, 208, and asks the same status over JSON), else one the SDK assigns; over HTTP the message's own
        /// (the checks reject it: the transport cannot carry one).
        /// </summary>
        public static long? ClientIdOf(ViberMessage message, int recipient, AlphaSmsTransport transport, string path, out ValidationViolation? violation)
        {
            violation = null;
            if (transport == AlphaSmsTransport.Http)
            {
                return message.ClientId;
            }

            if (message.ClientId is not { } first)
            {
                return ClientMessageIds.Next();
            }

            var position = message.OriginalPosition(recipient);
            if (first > long.MaxValue - position)
            {
                violation = new ValidationViolation(path + ".ClientId", "range", $"recipient {position} would get ClientId + {position}, beyond the largest id");
                return null;
            }

            return first + position;
        }

        /// <summary>
        /// The AlphaSMS checks' violations under the neutral API's names: <paramref name="pathOf"/> gives the neutral
        /// paths of AlphaSMS message <c>messages[i]</c> (or of <c>message</c>, i = 0); a field named only by its own
        /// path (<c>recipients[3]</c>) is kept. A violation repeated for every recipient of a message is reported once.
        /// </summary>
        public static RequestValidationException Neutral(RequestValidationException exception, Func<int, NeutralPath> pathOf, AlphaSmsTransport transport)
        {
            var violations = new List<ValidationViolation>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var violation in exception.Violations)
            {
                var neutral = NeutralViolation(violation, pathOf, transport);
                if (seen.Add(neutral.ToString()))
                {
                    violations.Add(neutral);
                }
            }

            return new RequestValidationException(violations);
        }

        /// <summary>The result of recipient <paramref name="index"/> (counted over the whole send).</summary>
        public static SendResult ToSendResult(AlphaSmsSendResult result, long index) => new(Gateway.AlphaSms, result.Recipient, result.Outcome)
        {
            Index = index,
            Reference = ReferenceOf(result.Recipient, result.ClientId, result.GatewayId),
            Parts = result.Parts,
            ErrorCode = result.ErrorCode,
            Error = result.Error,
            Failure = result.Failure,
        };

        /// <summary>
        /// Every message of a request that failed as a whole: rejected when the gateway refused it (a wrong key), not
        /// sent when it was unavailable, unknown otherwise (a timeout, an unreadable reply); each keeps its client id.
        /// </summary>
        public static SendResult Failed(CheckedAlphaSmsMessage message, GatewayException failure) =>
            new(Gateway.AlphaSms, message.Message.Recipient, failure.Outcome)
            {
                Index = message.Index,
                Reference = ReferenceOf(message.Message.Recipient, message.ClientId, null),
                ErrorCode = failure.GatewayErrorCode,
                Error = failure.Message,
                Failure = failure,
            };

        /// <summary>A message's status answer as the neutral status of <paramref name="reference"/>.</summary>
        public static DeliveryStatus ToDeliveryStatus(MessageReference reference, AlphaSmsStatusAnswer answer)
        {
            if (answer.Status is not { } status)
            {
                return new DeliveryStatus(reference, DeliveryState.Unknown, "") { Error = answer.Refusal?.Message };
            }

            return new DeliveryStatus(reference, status.State, status.RawStatus) { UpdatedAt = UpdatedAt(status) };
        }

        /// <summary>
        /// When the message reached its status, where the transport says: XML <c>date_completed</c> (final states), HTTP
        /// <c>status_time</c> (a date: the day's start), the JSON time of the latest reply. The documentation names no
        /// time zone: a time without an offset is read as UTC.
        /// </summary>
        private static DateTimeOffset? UpdatedAt(AlphaSmsMessageStatus status)
        {
            DateTimeOffset? latest = Time(status.CompletedAt);
            foreach (var reply in status.Replies)
            {
                if (Time(reply.Datetime) is { } at && (latest is null || at > latest))
                {
                    latest = at;
                }
            }

            return latest;

            static DateTimeOffset? Time(string? text) =>
                DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        }

        public static MessageReference? ReferenceOf(string recipient, long? clientId, long? gatewayId) =>
            (clientId != null || gatewayId != null) && PhoneNumber.TryParse(recipient, out var number, out _)
                ? new MessageReference(Gateway.AlphaSms, number.Digits, clientId, gatewayId?.ToString(CultureInfo.InvariantCulture))
                : null;

        private static ValidationViolation NeutralViolation(ValidationViolation violation, Func<int, NeutralPath> pathOf, AlphaSmsTransport transport)
        {
            var field = violation.Field;
            int index, rest;
            if (field.StartsWith("messages[", StringComparison.Ordinal) && field.IndexOf(']') is var close and > 0
                && int.TryParse(field.Substring(9, close - 9), NumberStyles.None, CultureInfo.InvariantCulture, out index))
            {
                rest = close + 1;
            }
            else if (field == "message" || field.StartsWith("message.", StringComparison.Ordinal))
            {
                (index, rest) = (0, "message".Length);
            }
            else
            {
                return violation;
            }

            var path = pathOf(index);
            var member = field.Substring(rest);
            var (neutralField, message) = member switch
            {
                ".Recipient" => (path.Recipient, violation.Message),
                ".ShortenLinks" or ".StatusCallbackUrl" => (path.Message + ".AlphaSms" + member, violation.Message),
                ".Sender" when violation.Rule == "required" =>
                    (path.Message + member, $"AlphaSMS ({transport} transport) needs a Viber sender: set {path.Message}.Sender or AlphaSmsOptions.Sender"),
                ".SmsFallback.Sender" when violation.Rule == "required" =>
                    (path.Message + member, $"AlphaSMS ({transport} transport) needs an SMS sender for the fallback: set {path.Message}.SmsFallback.Sender or AlphaSmsOptions.SmsSender"),
                _ => (path.Message + member, violation.Message),
            };
            return new ValidationViolation(neutralField, violation.Rule, message);
        }
    }
}
