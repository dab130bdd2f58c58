using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;

namespace ViberGateways.Cli
{
    /// <summary><c>viber send alphasms|liveall|smsby</c>: one message to one or more recipients.</summary>
    internal sealed class SendCommand
    {
        private readonly ViberCli _cli;

        private readonly Option<string[]> _to = new("--to") { Description = "Recipient, e.g. 380971234567 or +380971234567; repeat for several (one batch request where the gateway has one).", Required = true, Arity = ArgumentArity.OneOrMore };
        private readonly Option<string> _from = new("--from") { Description = "Viber sender name (AlphaSMS viber_signature / sender / viber_from; LiveAll im_sender_name)." };
        private readonly Option<string> _text = new("--text") { Description = "Message text." };
        private readonly Option<string> _image = new("--image") { Description = "Public image URL." };
        private readonly Option<string> _buttonCaption = new("--button-caption") { Description = "Button caption." };
        private readonly Option<string> _buttonUrl = new("--button-url") { Description = "URL the button opens." };
        private readonly Option<long> _id = new("--id") { Description = "AlphaSMS client message id (several recipients get this id and the ones after it)." };
        private readonly Option<int> _lifetime = new("--lifetime") { Description = "AlphaSMS Viber lifetime in seconds." };
        private readonly Option<bool> _shortLink = new("--short-link") { Description = "AlphaSMS: shorten and track links (JSON)." };
        private readonly Option<string> _hook = new("--hook") { Description = "AlphaSMS: URL the delivery status is posted to (JSON)." };
        private readonly Option<string> _smsFallbackText = new("--sms-fallback-text") { Description = "SMS sent when Viber cannot deliver (AlphaSMS viber+sms / viber_sms; LiveAll IM_SMSFB + sms_text)." };
        private readonly Option<string> _smsSender = new("--sms-sender") { Description = "SMS sender for the fallback (AlphaSMS sms_signature / from; LiveAll senderid)." };
        private readonly Option<int> _priceCategory = new("--price-category") { Description = "LiveAll SMS price category: 0 normal, 1 low cost." };
        private readonly Option<long> _senderId = new("--sender-id") { Description = "SMS.by sender: vibername_id for one recipient, alphaname_id for several." };

        public SendCommand(ViberCli cli) => _cli = cli;

        public Command Create()
        {
            _priceCategory.AcceptOnlyFromAmong("0", "1");
            return _cli.GatewayCommand("send", "Send a Viber message.", new Option[]
            {
                _to, _from, _text, _image, _buttonCaption, _buttonUrl, _id, _lifetime, _shortLink, _hook, _smsFallbackText, _smsSender, _priceCategory, _senderId,
            }, RunAsync);
        }

        private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
        {
            var gateway = parsed.GetValue(_cli.GatewayArgument);
            RefuseOptionsThatDoNotApply(parsed, gateway);
            if ((parsed.GetValue(_buttonCaption) is null) != (parsed.GetValue(_buttonUrl) is null))
            {
                throw new CliInputException("--button-caption and --button-url go together");
            }

            if ((parsed.GetValue(_smsFallbackText) is null) != (parsed.GetValue(_smsSender) is null))
            {
                throw new CliInputException("--sms-fallback-text and --sms-sender go together");
            }

            await using var connection = await GatewayConnection.OpenAsync(gateway, _cli.Connection(parsed), cancellationToken).ConfigureAwait(false);
            var rows = gateway switch
            {
                Gateway.AlphaSms => await SendAlphaSmsAsync(parsed, connection, cancellationToken).ConfigureAwait(false),
                Gateway.LiveAll => await SendLiveAllAsync(parsed, connection, cancellationToken).ConfigureAwait(false),
                _ => await SendSmsByAsync(parsed, connection, cancellationToken).ConfigureAwait(false),
            };

            var title = gateway == Gateway.AlphaSms ? $"AlphaSMS ({parsed.GetValue(_cli.Transport).ToString().ToLowerInvariant()})" : gateway == Gateway.LiveAll ? "LiveAll" : "SMS.by";
            _cli.Printer(parsed).Outcome(title, rows);
            var rejected = rows.Count(r => r.Outcome == "rejected");
            var unknown = rows.Count(r => r.Outcome == "unknown");
            if (rejected + unknown == 0)
            {
                return ExitCodes.Accepted;
            }

            return rejected > 0
                ? _cli.Fail($"{rejected} of {rows.Count} recipients rejected", ExitCodes.Rejected)
                : _cli.Fail($"the outcome of {unknown} of {rows.Count} messages is unknown (they may have been sent; they were not retried)", ExitCodes.Failure);
        }

        private async Task<IReadOnlyList<OutcomeRow>> SendAlphaSmsAsync(ParseResult parsed, GatewayConnection connection, CancellationToken cancellationToken)
        {
            var client = connection.AlphaSms();
            var firstId = ViberCli.Given(parsed, _id) ? parsed.GetValue(_id) : (long?)null;
            var messages = parsed.GetValue(_to)!.Select((recipient, i) => new AlphaSmsMessage
            {
                Recipient = recipient,
                Sender = parsed.GetValue(_from) ?? "",
                Text = parsed.GetValue(_text),
                ImageUrl = parsed.GetValue(_image),
                Button = parsed.GetValue(_buttonCaption) is { } caption ? new AlphaSmsButton(caption, parsed.GetValue(_buttonUrl)!) : null,
                ClientId = firstId + i,
                Lifetime = ViberCli.Given(parsed, _lifetime) ? TimeSpan.FromSeconds(parsed.GetValue(_lifetime)) : null,
                ShortenLinks = parsed.GetValue(_shortLink) ? true : null,
                StatusCallbackUrl = parsed.GetValue(_hook),
                SmsFallback = parsed.GetValue(_smsFallbackText) is { } smsText ? new AlphaSmsSmsFallback(parsed.GetValue(_smsSender)!, smsText) : null,
            }).ToList();

            var results = messages.Count == 1
                ? new[] { await client.SendAsync(messages[0], cancellationToken).ConfigureAwait(false) }
                : await client.SendBatchAsync(messages, cancellationToken).ConfigureAwait(false);
            return results.Select(r => new OutcomeRow(r.Recipient, r.Outcome.ToString().ToLowerInvariant(),
                Text(r.GatewayId), Text(r.ClientId), Detail: r.Error)).ToList();
        }

        private async Task<IReadOnlyList<OutcomeRow>> SendLiveAllAsync(ParseResult parsed, GatewayConnection connection, CancellationToken cancellationToken)
        {
            var message = new LiveAllMessage
            {
                Recipients = parsed.GetValue(_to)!.ToList(),
                SenderName = parsed.GetValue(_from) ?? "",
                Text = parsed.GetValue(_text) ?? "",
                ImageUrl = parsed.GetValue(_image),
                Button = parsed.GetValue(_buttonCaption) is { } caption ? new LiveAllButton(caption, parsed.GetValue(_buttonUrl)!) : null,
                SmsFallback = parsed.GetValue(_smsFallbackText) is { } smsText
                    ? new LiveAllSmsFallback(parsed.GetValue(_smsSender)!, smsText, (LiveAllPriceCategory)parsed.GetValue(_priceCategory))
                    : null,
            };
            var results = await connection.LiveAll().SendAsync(message, cancellationToken).ConfigureAwait(false);
            return results.Select(r => new OutcomeRow(r.Recipient, "accepted", Text(r.SmsId))).ToList();
        }

        private async Task<IReadOnlyList<OutcomeRow>> SendSmsByAsync(ParseResult parsed, GatewayConnection connection, CancellationToken cancellationToken)
        {
            var message = new SmsByMessage
            {
                Recipients = parsed.GetValue(_to)!.ToList(),
                SenderId = parsed.GetValue(_senderId),
                Text = parsed.GetValue(_text),
                ImageUrl = parsed.GetValue(_image),
                Button = parsed.GetValue(_buttonCaption) is { } caption ? new SmsByButton(caption, parsed.GetValue(_buttonUrl)!) : null,
            };
            var sent = await connection.SmsBy().SendViberAsync(message, cancellationToken).ConfigureAwait(false);
            return sent.Recipients.Select(r => new OutcomeRow(r, "accepted", Text(sent.MessageId) ?? sent.MailingUuid,
                Detail: sent.MessageId is null ? "bulk mailing (query its status with --uuid)" : "quick message")).ToList();
        }

        private void RefuseOptionsThatDoNotApply(ParseResult parsed, Gateway gateway)
        {
            var notFor = new Dictionary<Option, Gateway[]>
            {
                [_cli.Transport] = new[] { Gateway.LiveAll, Gateway.SmsBy },
                [_cli.HttpGet] = new[] { Gateway.LiveAll, Gateway.SmsBy },
                [_id] = new[] { Gateway.LiveAll, Gateway.SmsBy },
                [_lifetime] = new[] { Gateway.LiveAll, Gateway.SmsBy },
                [_shortLink] = new[] { Gateway.LiveAll, Gateway.SmsBy },
                [_hook] = new[] { Gateway.LiveAll, Gateway.SmsBy },
                [_priceCategory] = new[] { Gateway.AlphaSms, Gateway.SmsBy },
                [_senderId] = new[] { Gateway.AlphaSms, Gateway.LiveAll },
                [_from] = new[] { Gateway.SmsBy },
                [_smsFallbackText] = new[] { Gateway.SmsBy },
                [_smsSender] = new[] { Gateway.SmsBy },
            };
            foreach (var (option, gateways) in notFor)
            {
                if (gateways.Contains(gateway) && ViberCli.Given(parsed, option))
                {
                    throw new CliInputException($"{option.Name} does not apply to {gateway.ToString().ToLowerInvariant()}");
                }
            }
        }

        private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);
    }
}
