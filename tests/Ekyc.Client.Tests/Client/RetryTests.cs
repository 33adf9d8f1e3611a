using System.Net;
using Ekyc.Client.Http;
using Ekyc.Client.Models;
using Ekyc.Client.Tests.Infrastructure;

namespace Ekyc.Client.Tests.Client;

/// <summary>The client's retries against a real server whose rate limit (3 per second) a burst exceeds.</summary>
public class RetryTests(RateLimitedServer server) : IClassFixture<RateLimitedServer>
{
    [Fact]
    public async Task A_burst_over_the_rate_limit_completes_by_waiting_out_retry_after_and_creates_each_session_once()
    {
        var traffic = new RecordingHandler();
        using var client = new EkycClient(new HttpClient(traffic), new EkycClientOptions
        {
            BaseAddress = server.Address,
            Credential = server.ApiKey,
            Retry = new RetryPolicy { MaxAttempts = 6 },
        });

        var created = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.CreateSessionAsync(new CreateSessionRequest { Reference = $"burst-{i}" })));

        var exchanges = traffic.Exchanges;
        var limited = exchanges.Where(e => e.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        // A refused POST was sent again with the same key, and each key ended in exactly one success.
        var byKey = exchanges.GroupBy(e => e.IdempotencyKey).ToList();
        Assert.Equal(8, byKey.Count);
        Assert.All(byKey, attempts => Assert.Equal(1, attempts.Count(a => a.Status == HttpStatusCode.Created)));
        Assert.Contains(byKey, attempts => attempts.Count() > 1);

        var listed = await client.ListSessionsAsync(new SessionQuery(Limit: 100));
        Assert.Equal(created.Select(s => s.Id).Order(), listed.Data.Where(s => s.Reference!.StartsWith("burst-")).Select(s => s.Id).Order());
    }

    [Fact]
    public async Task Without_retries_the_rate_limit_is_thrown_with_its_code()
    {
        using var client = new EkycClient(new HttpClient(), new EkycClientOptions
        {
            BaseAddress = server.Address,
            Credential = (await server.Services.CreateKeyAsync()).ApiKey,
            Retry = RetryPolicy.None,
        });
        var failures = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                await client.ListSessionsAsync();
                return null;
            }
            catch (EkycApiException e)
            {
                return e;
            }
        }));
        Assert.Contains(failures, f => f is { Code: "rate_limited", Status: HttpStatusCode.TooManyRequests });
    }
}
