using ViberGateways.Cli;

namespace ViberGateways.IntegrationTests
{
    /// <summary>
    /// Every field a send can report a violation for, in each form the SDK writes it (a neutral message's
    /// <c>message.X</c>, a router's <c>messages[i].X</c>, a gateway message's own names after renaming), maps to the
    /// option the user typed.
    /// </summary>
    public class CliInputErrorsTests
    {
        [Theory]
        [InlineData("message.Recipients", "--to")]
        [InlineData("message.Recipients[1]", "--to +375291234567")]
        [InlineData("messages[0].Recipients[0]", "--to +380971234567")]
        [InlineData("message.Recipient", "--to")]
        [InlineData("message.Destinations", "--to")]
        [InlineData("message.Sender", "--from")]
        [InlineData("messages[2].Sender", "--from")]
        [InlineData("message.Text", "--text")]
        [InlineData("message.ImageUrl", "--image")]
        [InlineData("message.Button", "--button-caption/--button-url")]
        [InlineData("message.Button.Caption", "--button-caption")]
        [InlineData("message.Button.Url", "--button-url")]
        [InlineData("message.SmsFallback", "--sms-fallback-text")]
        [InlineData("message.SmsFallback.Text", "--sms-fallback-text")]
        [InlineData("message.SmsFallback.Sender", "--sms-sender")]
        [InlineData("message.Lifetime", "--lifetime")]
        [InlineData("message.ScheduledAt", "--schedule")]
        [InlineData("messages[1].ScheduledAt", "--schedule")]
        [InlineData("message.ClientId", "--id")]
        [InlineData("message.AlphaSms.ShortenLinks", "--short-link")]
        [InlineData("message.AlphaSms.StatusCallbackUrl", "--hook")]
        [InlineData("message.LiveAll.LowCostSms", "--price-category")]
        [InlineData("message.SmsBy.SenderId", "--sender-id")]
        [InlineData("SmsByOptions.QuickMessageSenderId", "--sender-id")]
        [InlineData("SmsByOptions.MailingSenderId", "--sender-id")]
        [InlineData("LiveAllOptions.ApiKey", "--api-key")]
        [InlineData("AlphaSmsOptions.BaseAddress", "--base-url")]
        [InlineData("AlphaSmsOptions.Transport", "--transport")]
        public void A_field_a_send_reports_maps_to_the_option_that_sets_it(string field, string option)
        {
            InputErrors.OptionFor(field, new[] { "+380971234567", "+375291234567" }).ShouldBe(option);
        }

        [Theory]
        [InlineData("AlphaSMS (Json transport) needs a Viber sender: set message.Sender or AlphaSmsOptions.Sender",
            "AlphaSMS (Json transport) needs a Viber sender: set --from or Sender in the --config file's AlphaSms section")]
        [InlineData("AlphaSMS (Xml transport) needs an SMS sender for the fallback: set messages[3].SmsFallback.Sender or AlphaSmsOptions.SmsSender",
            "AlphaSMS (Xml transport) needs an SMS sender for the fallback: set --sms-sender or SmsSender in the --config file's AlphaSms section")]
        [InlineData("LiveAll needs an approved Viber sender name: set message.Sender or LiveAllOptions.Sender",
            "LiveAll needs an approved Viber sender name: set --from or Sender in the --config file's LiveAll section")]
        [InlineData("set SmsByOptions.QuickMessageSenderId or message.SmsBy.SenderId", "set QuickMessageSenderId in the --config file's SmsBy section or --sender-id")]
        [InlineData("wrong key: check LiveAllOptions.ApiKey", "wrong key: check --api-key")]
        [InlineData("the message. Nothing else", "the message. Nothing else")]
        public void The_text_of_a_violation_names_options_and_config_settings_instead_of_sdk_fields(string text, string expected)
        {
            InputErrors.InUserTerms(text).ShouldBe(expected);
        }
    }
}
