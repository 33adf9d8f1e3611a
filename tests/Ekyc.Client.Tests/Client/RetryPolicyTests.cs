using System.Net;
using Ekyc.Client.Http;

namespace Ekyc.Client.Tests.Client;

public class RetryPolicyTests
{
    [Theory]
    [InlineData(429, null, true)]
    [InlineData(503, null, true)]
    [InlineData(500, "internal_error", true)]
    [InlineData(408, null, true)]
    [InlineData(409, "idempotency_request_in_progress", true)]
    [InlineData(409, "invalid_state_transition", false)]
    [InlineData(422, "idempotency_key_reused", false)]
    [InlineData(404, "session_not_found", false)]
    [InlineData(501, null, false)]
    public void Only_transient_answers_are_retried(int status, string? code, bool retried) =>
        Assert.Equal(retried, RetryPolicy.IsRetryable((HttpStatusCode)status, code));

    [Fact]
    public void Retry_after_is_honoured_with_a_little_jitter_and_refused_beyond_the_cap()
    {
        var policy = new RetryPolicy { MaxAttempts = 3, MaxRetryAfter = TimeSpan.FromSeconds(10) };
        var random = new Random(7);
        for (var i = 0; i < 100; i++)
        {
            var delay = policy.DelayBefore(2, TimeSpan.FromSeconds(2), random)!.Value;
            Assert.InRange(delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.25));
        }
        Assert.Null(policy.DelayBefore(2, TimeSpan.FromSeconds(11), random));
        Assert.Null(policy.DelayBefore(4, TimeSpan.FromSeconds(1), random));
    }

    [Fact]
    public void Backoff_is_jittered_below_an_exponential_ceiling()
    {
        var policy = new RetryPolicy { MaxAttempts = 10, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
        var random = new Random(11);
        foreach (var (attempt, ceiling) in new[] { (2, 100), (3, 200), (4, 400), (6, 1000), (9, 1000) })
        {
            var delays = Enumerable.Range(0, 200).Select(_ => policy.DelayBefore(attempt, null, random)!.Value.TotalMilliseconds).ToList();
            Assert.All(delays, d => Assert.InRange(d, 0, ceiling));
            Assert.True(delays.Distinct().Count() > 150, "the delays are not spread");
            Assert.True(delays.Max() > ceiling * 0.8);
        }
        Assert.Null(policy.DelayBefore(11, null, random));
    }

    [Fact]
    public void Retry_after_reads_seconds_and_http_dates()
    {
        var now = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.TryAddWithoutValidation("Retry-After", "3");
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(30).ToString("R"));
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(3), RetryPolicy.RetryAfterOf(seconds, now));
        Assert.Equal(TimeSpan.FromSeconds(30), RetryPolicy.RetryAfterOf(date, now));
        Assert.Null(RetryPolicy.RetryAfterOf(none, now));
    }
}
