using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using RedisRateLimiting;
using StackExchange.Redis;
using ViberGateways;
using ViberGateways.Bulk;
using ViberGateways.LiveAll;

// Sends one campaign to <count> numbers starting with <prefix> through LiveAll at <sandbox>, every request taking its
// permits from the Redis token bucket <account-key> (at <socket>): <token-limit> at most, <tokens-per-period> more every <period-ms>,
// asked again <retry-delay-ms> after a refusal.
// Prints "ready" once connected and warmed up, starts on a "go" line, prints "sent N" as results come and "done N accepted" at the end.
if (args.Length != 8)
{
    Console.Error.WriteLine("usage: <sandbox-url> <liveall-token> <redis-socket> <account-key> <prefix> <count> <token-limit>/<tokens-per-period>/<period-ms> <retry-delay-ms>");
    return 2;
}

var (sandbox, token, socket, accountKey, prefix) = (new Uri(args[0]), args[1], args[2], args[3], args[4]);
var count = int.Parse(args[5], CultureInfo.InvariantCulture);
var bucket = args[6].Split('/').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
var (burst, tokensPerPeriod, period) = (bucket[0], bucket[1], TimeSpan.FromMilliseconds(bucket[2]));
var retryDelay = TimeSpan.FromMilliseconds(int.Parse(args[7], CultureInfo.InvariantCulture));
var redisConfiguration = new ConfigurationOptions { EndPoints = { new UnixDomainSocketEndPoint(socket) }, AbortOnConnectFail = true };

// README.md "Pacing shared by several processes" shows these lines as they are (a test holds it to them).
var redis = await ConnectionMultiplexer.ConnectAsync(redisConfiguration);
var sharedLimiter = new RedisTokenBucketRateLimiter<string>(accountKey, new RedisTokenBucketRateLimiterOptions
{
    ConnectionMultiplexerFactory = () => redis,
    TokenLimit = burst,                 // at once after a pause, then
    TokensPerPeriod = tokensPerPeriod,  // this many more every period,
    ReplenishmentPeriod = period,       // shared by every process using accountKey
});
var options = new BulkSendOptions { RateLimiter = sharedLimiter, MaxRecipientsPerRequest = tokensPerPeriod };
// (end of the README's lines)

options.RateLimiterRetryDelay = retryDelay;
using var http = new HttpClient();
var viber = ViberClientFactory.Create(new LiveAllOptions { BaseAddress = sandbox, ApiKey = token, Sender = "Shop" }, http);
var recipients = Enumerable.Range(0, count).Select(i => prefix + i.ToString("D7", CultureInfo.InvariantCulture));

// One request before the start, so that what is measured after it is the pacing, not connecting and compiling.
await viber.GetBalanceAsync();
Console.WriteLine("ready");
if (Console.ReadLine() != "go")
{
    return 2;
}

var accepted = 0;
var done = 0;
await foreach (var result in viber.SendBulkAsync(new ViberMessage { Text = "Campaign " + prefix }, recipients, options))
{
    done++;
    accepted += result.Outcome == SendOutcome.Accepted ? 1 : 0;
    if (result.Outcome != SendOutcome.Accepted)
    {
        Console.Error.WriteLine($"{result.Recipient}: {result.Outcome} {result.Error}");
    }

    Console.WriteLine($"sent {done}");
}

Console.WriteLine($"done {accepted} accepted");
return accepted == count ? 0 : 1;
