using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;

namespace ViberGateways.Cli
{
    /// <summary>
    /// <c>viber send [gateway] [--via g1,g2]</c>: one message to one or more recipients — through the gateway named, through
    /// the gateways given with <c>--via</c> in order (moving on while a gateway processed nothing), or, with neither,
    /// each recipient through the gateway its calling code is routed to (<see cref="ViberRouter"/>).
    /// </summary>
    internal sealed class SendCommand
    {
        private readonly ViberCli _cli;

        private readonly Argument<Gateway?> _gateway = new("gateway")
        {
            Description = "alphasms, liveall or smsby; leave out to route each recipient by its calling code (see --config).",
            Arity = ArgumentArity.ZeroOrOne,
            HelpName = ViberCli.GatewayNames,
            CustomParser = result => ViberCli.ParseGateway(result.Tokens[0].Value) ?? ViberCli.Refuse<Gateway?>(result, "gateway"),
        };

        private readonly Option<Gateway[]> _via = new("--via")
        {
            Description = "The gateways to try, in order, for every recipient (e.g. alphasms,liveall): the next is tried only when one certainly sent nothing.",
            AllowMultipleArgumentsPerToken = false,
            HelpName = "gateway,gateway…",
            CustomParser = result =>
            {
                var names = result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
                var unknown = names.FirstOrDefault(name => ViberCli.ParseGateway(name) is null);
                if (names.Count == 0 || unknown != null)
                {
                    result.AddError($"--via: '{unknown}' is not a gateway (alphasms, liveall, smsby)");
                    return null;
                }

                return names.Select(name => ViberCli.ParseGateway(name)!.Value).ToArray();
            },
        };

        private readonly Option<string[]> _to = new("--to") { Description = "Recipient in international format, e.g. +380971234567 or 380971234567; repeat for several (one batch request where the gateway has one).", Required = true, Arity = ArgumentArity.OneOrMore };
        private readonly Option<string> _from = new("--from") { Description = "AlphaSMS, LiveAll — needed unless the --config file sets the gateway's Sender: the approved Viber sender name. (SMS.by sends by --sender-id.)" };
        private readonly Option<string> _text = new("--text") { Description = "Message text." };
        private readonly Option<string> _image = new("--image") { Description = "Public image URL." };
        private readonly Option<string> _buttonCaption = new("--button-caption") { Description = "Button caption (with --button-url)." };
        private readonly Option<string> _buttonUrl = new("--button-url") { Description = "URL the button opens (with --button-caption)." };
        private readonly Option<long> _id = new("--id") { Description = "Your id for the message (AlphaSMS client id); it comes back in the reference.", CustomParser = ViberCli.WholeNumber<long>("--id", "a whole number") };
        private readonly Option<int> _lifetime = new("--lifetime") { Description = "AlphaSMS only, --transport json (the default) or http: the Viber message's lifetime in seconds.", CustomParser = ViberCli.WholeNumber<int>("--lifetime", "a whole number of seconds") };
        private readonly Option<DateTimeOffset> _schedule = new("--schedule")
        {
            Description = "AlphaSMS (--transport xml or http), SMS.by — send later, at this ISO 8601 date-time with its UTC offset: 2030-01-31T09:30+02:00, 2030-01-31T09:30:00Z. SMS.by takes the time as written, without the offset (schedule_time has none). Not AlphaSMS json, not LiveAll.",
            HelpName = "yyyy-MM-ddTHH:mm[:ss]±hh:mm|Z",
            CustomParser = result => ParseSchedule(result),
        };

        private readonly Option<bool> _shortLink = new("--short-link") { Description = "AlphaSMS json only: shorten and track links." };
        private readonly Option<string> _hook = new("--hook") { Description = "AlphaSMS json only: URL the delivery status is posted to." };
        private readonly Option<string> _smsFallbackText = new("--sms-fallback-text") { Description = "AlphaSMS, LiveAll: SMS sent when Viber cannot deliver." };
        private readonly Option<string> _smsSender = new("--sms-sender") { Description = "AlphaSMS, LiveAll — needed with --sms-fallback-text unless the --config file sets the gateway's SmsSender: the SMS sender of the fallback." };
        private readonly Option<int> _priceCategory = new("--price-category") { Description = "LiveAll only, with --sms-fallback-text: the fallback SMS's price category, 0 normal, 1 low cost.", HelpName = "0|1", CustomParser = ViberCli.WholeNumber("--price-category", "a price category (0 normal, 1 low cost)", 0, 1) };
        private readonly Option<long> _senderId = new("--sender-id") { Description = "SMS.by only — needed unless the --config file sets QuickMessageSenderId (one recipient) or MailingSenderId (several): vibername_id for one recipient, alphaname_id for several (see 'viber senders smsby').", CustomParser = ViberCli.WholeNumber<long>("--sender-id", "a sender id (see 'viber senders smsby')") };

        /// <summary>The forms <c>--schedule</c> takes: a date, a time to the minute or second, and an offset (<c>Z</c> or <c>±hh:mm</c>).</summary>
        private static readonly string[] ScheduleFormats = { "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'" };

        public SendCommand(ViberCli cli) => _cli = cli;

        public Command Create()
        {
            return _cli.GatewayCommand("send", "Send a Viber message through one gateway, routed by calling code, or --via gateways in order.", new Argument[] { _gateway }, new Option[]
            {
                _via, _to, _from, _text, _image, _buttonCaption, _buttonUrl, _id, _lifetime, _schedule, _shortLink, _hook, _smsFallbackText, _smsSender, _priceCategory, _senderId,
            }, RunAsync);
        }

        private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
        {
            var gateway = parsed.GetValue(_gateway);
            var via = ViberCli.Given(parsed, _via) ? parsed.GetValue(_via) : null;
            if (gateway != null && via != null)
            {
                throw new CliInputException("name one gateway or give --via, not both");
            }

            var named = gateway is { } one ? new[] { one } : via;
            RefuseOptionsThatDoNotApply(parsed, named);
            if ((parsed.GetValue(_buttonCaption) is null) != (parsed.GetValue(_buttonUrl) is null))
            {
                throw new CliInputException("--button-caption and --button-url go together");
            }

            if (parsed.GetValue(_smsSender) != null && parsed.GetValue(_smsFallbackText) is null)
            {
                throw new CliInputException("--sms-sender needs --sms-fallback-text");
            }

            var message = Compose(parsed);
            await using var connection = await GatewayConnection.OpenAsync(named, _cli.Connection(parsed), cancellationToken).ConfigureAwait(false);
            IReadOnlyList<SendResult> results;
            try
            {
                results = gateway is { } single
                    ? await connection.Client(single).SendAsync(message, cancellationToken).ConfigureAwait(false)
                    : await connection.Router.SendAsync(message, via, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestValidationException invalid)
            {
                throw new CliInputException(InputErrors.Describe(invalid, message.Recipients.ToList()), invalid);
            }

            ThrowIfNothingWasSent(results, message);
            var title = gateway is { } g ? connection.Describe(g)
                : via != null ? "Via " + string.Join(" → ", via)
                : "Routed by calling code";
            var rows = results.Select(r => SendRow.Of(r, message.Recipients.ToList())).ToList();
            _cli.Printer(parsed).Results(title, rows, SendRow.Columns);

            var rejected = results.Count(r => r.Outcome == SendOutcome.Rejected);
            var unknown = results.Count(r => r.Outcome == SendOutcome.Unknown);
            var notSent = results.Count(r => r.Outcome == SendOutcome.NotSent);
            return rejected > 0 ? _cli.Fail($"{rejected} of {results.Count} recipients rejected", ExitCodes.Rejected)
                : unknown > 0 ? _cli.Fail($"the outcome of {unknown} of {results.Count} messages is unknown (they may have been sent; they were not retried)", ExitCodes.Failure)
                : notSent > 0 ? _cli.Fail($"{notSent} of {results.Count} messages were not sent (no gateway took them; safe to send again)", ExitCodes.Failure)
                : ExitCodes.Accepted;
        }

        private ViberMessage Compose(ParseResult parsed) => new()
        {
            Recipients = parsed.GetValue(_to)!.ToList(),
            Sender = parsed.GetValue(_from),
            Text = parsed.GetValue(_text),
            ImageUrl = parsed.GetValue(_image),
            Button = parsed.GetValue(_buttonCaption) is { } caption ? new ViberButton(caption, parsed.GetValue(_buttonUrl)!) : null,
            SmsFallback = parsed.GetValue(_smsFallbackText) is { } smsText ? new SmsFallback(smsText, parsed.GetValue(_smsSender)) : null,
            Lifetime = ViberCli.Given(parsed, _lifetime) ? TimeSpan.FromSeconds(parsed.GetValue(_lifetime)) : null,
            ScheduledAt = ViberCli.Given(parsed, _schedule) ? parsed.GetValue(_schedule) : null,
            ClientId = ViberCli.Given(parsed, _id) ? parsed.GetValue(_id) : null,
            AlphaSms = parsed.GetValue(_shortLink) || parsed.GetValue(_hook) != null
                ? new AlphaSmsMessageOptions { ShortenLinks = parsed.GetValue(_shortLink) ? true : null, StatusCallbackUrl = parsed.GetValue(_hook) }
                : null,
            LiveAll = ViberCli.Given(parsed, _priceCategory) ? new LiveAllMessageOptions { LowCostSms = parsed.GetValue(_priceCategory) == 1 } : null,
            SmsBy = ViberCli.Given(parsed, _senderId) ? new SmsByMessageOptions { SenderId = parsed.GetValue(_senderId) } : null,
        };

        /// <summary>
        /// A send that failed as a whole reads as one error line, as any other command's failure: every recipient failed
        /// for one reason (a wrong key, an unreachable gateway), or every gateway tried refused the message as invalid
        /// for one reason. A mix of outcomes or of reasons is printed row by row (and exits 1 when any was rejected).
        /// </summary>
        private static void ThrowIfNothingWasSent(IReadOnlyList<SendResult> results, ViberMessage message)
        {
            if (results.Count == 0 || results.Any(r => r.IsAccepted || r.Failure is null))
            {
                return;
            }

            // One line only for one reason: recipients refused for different reasons are results, printed row by row.
            var descriptions = results.All(r => r.Failure is RequestValidationException)
                ? results.Select(r => InputErrors.Describe((RequestValidationException)r.Failure!, message.Recipients.ToList())).Distinct().ToList()
                : null;
            if (descriptions is { Count: 1 })
            {
                throw new CliInputException(descriptions[0], results[0].Failure);
            }

            if (results.Select(r => r.Failure).Distinct().Count() == 1 && results.All(r => r.Attempts.Count <= 1))
            {
                ExceptionDispatchInfo.Capture(results[0].Failure!).Throw();
            }
        }

        /// <summary>
        /// The options that set what only some gateways do: named gateways none of which does it would silently ignore
        /// them, so they are refused. (Routed sends take them: they apply to the recipients routed to those gateways.)
        /// </summary>
        private void RefuseOptionsThatDoNotApply(ParseResult parsed, IReadOnlyList<Gateway>? named)
        {
            if (named is null)
            {
                return;
            }

            var appliesTo = new Dictionary<Option, Gateway[]>
            {
                [_cli.Transport] = new[] { Gateway.AlphaSms },
                [_cli.HttpGet] = new[] { Gateway.AlphaSms },
                [_shortLink] = new[] { Gateway.AlphaSms },
                [_hook] = new[] { Gateway.AlphaSms },
                [_priceCategory] = new[] { Gateway.LiveAll },
                [_senderId] = new[] { Gateway.SmsBy },
                [_schedule] = new[] { Gateway.AlphaSms, Gateway.SmsBy },
                [_from] = new[] { Gateway.AlphaSms, Gateway.LiveAll },
                [_smsFallbackText] = new[] { Gateway.AlphaSms, Gateway.LiveAll },
                [_smsSender] = new[] { Gateway.AlphaSms, Gateway.LiveAll },
            };
            foreach (var (option, gateways) in appliesTo)
            {
                if (!named.Intersect(gateways).Any() && ViberCli.Given(parsed, option))
                {
                    throw new CliInputException($"{option.Name} does not apply to {string.Join(", ", named.Select(g => g.ToString().ToLowerInvariant()))}"
                        + $" (only to {string.Join(", ", gateways.Select(g => g.ToString().ToLowerInvariant()))})");
                }
            }
        }

        /// <summary>An ISO 8601 date-time with an explicit offset: a time without one would depend on the machine's zone.</summary>
        private static DateTimeOffset ParseSchedule(System.CommandLine.Parsing.ArgumentResult result)
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DateTimeOffset.TryParseExact(text, ScheduleFormats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
            {
                return at;
            }

            result.AddError($"--schedule: '{text}' is not a date-time with its UTC offset (e.g. 2030-01-31T09:30+02:00 or 2030-01-31T07:30Z)");
            return default;
        }
    }

    /// <summary>What became of one recipient of a send, as printed and as <c>--json</c> writes it.</summary>
    /// <param name="Recipient">The recipient as typed.</param>
    /// <param name="Gateway">The gateway that took the message (or, when none did, the last one tried).</param>
    /// <param name="Outcome"><c>accepted</c>, <c>rejected</c>, <c>unknown</c> or <c>not-sent</c>.</param>
    /// <param name="Reference">The message reference text <c>viber status</c> takes, when there is one.</param>
    /// <param name="Error">Why the message was not accepted.</param>
    /// <param name="Attempts">Every gateway tried, when there was more than one.</param>
    internal sealed record SendRow(string Recipient, string Gateway, string Outcome, string? Reference, string? Error, IReadOnlyList<AttemptRow>? Attempts)
    {
        public static readonly Column<SendRow>[] Columns =
        {
            new("Recipient", r => r.Recipient),
            new("Gateway", r => r.Gateway),
            new("Outcome", r => r.Outcome),
            new("Reference", r => r.Reference),
            new("Attempts", r => r.Path(withErrors: true)),
            new("Detail", r => r.Error),
        };

        /// <summary>The attempts as one cell, <c>AlphaSms not-sent (why) → LiveAll accepted</c> or without the whys; null for one attempt.</summary>
        public string? Path(bool withErrors) => Attempts is null ? null
            : string.Join(" → ", Attempts.Select(a => withErrors && a.Error != null ? $"{a.Gateway} {a.Outcome} ({a.Error})" : $"{a.Gateway} {a.Outcome}"));

        public static SendRow Of(SendResult result, IReadOnlyList<string> recipients) => new(
            result.Recipient,
            result.Gateway.ToString(),
            Printer.Word(result.Outcome),
            result.Reference?.ToString(),
            result.Failure is RequestValidationException invalid ? InputErrors.Describe(invalid, recipients)
                : result.ErrorCode is { } code ? $"{result.Error} (code {code})" : result.Error,
            result.Attempts.Count > 1 ? result.Attempts.Select(a => new AttemptRow(a.Gateway.ToString(), Printer.Word(a.Outcome), a.Error)).ToList() : null);
    }

    /// <summary>One gateway tried for a recipient.</summary>
    internal sealed record AttemptRow(string Gateway, string Outcome, string? Error);
}
