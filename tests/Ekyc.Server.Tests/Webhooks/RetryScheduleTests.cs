using Ekyc.Server.Webhooks;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace Ekyc.Server.Tests.Webhooks;

public class RetryScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_default_schedule_spans_about_three_days_in_nine_retries()
    {
        var schedule = new WebhookOptions().Schedule;
        Assert.Equal(9, schedule.Count);
        Assert.Equal(TimeSpan.FromSeconds(5), schedule[0]);
        Assert.Equal(TimeSpan.FromHours(24), schedule[^1]);
        Assert.InRange(schedule.Aggregate(TimeSpan.Zero, (a, b) => a + b).TotalDays, 2.5, 3.5);
    }

    [Theory]
    [InlineData("100ms,2s", 100, 2000.0)]
    [InlineData("00:00:01, 1.5m", 1000, 90000.0)]
    [InlineData("1d", 86_400_000, null)]
    public void Schedules_parse_units_and_timespans(string text, double firstMs, double? secondMs)
    {
        var schedule = RetrySchedule.Parse(text);
        Assert.Equal(firstMs, schedule[0].TotalMilliseconds);
        Assert.Equal(secondMs, schedule.Count > 1 ? schedule[1].TotalMilliseconds : null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5x")]
    [InlineData("-1s")]
    [InlineData("8d")]
    [InlineData("s")]
    public void Bad_schedules_are_refused(string text) => Assert.False(RetrySchedule.TryParse(text, out _, out _));

    [Fact]
    public async Task A_bad_schedule_fails_at_start_with_its_message()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Infrastructure.TestServer.StartAsync(null, "Ekyc:Webhooks:RetrySchedule=5x"));
        Assert.Contains("RetrySchedule", error.Message);
    }

    [Property]
    public bool Jitter_stays_within_its_band(PositiveInt attempt, int seed)
    {
        var schedule = RetrySchedule.Parse("5s,5m,30m,2h,5h,10h,14h,20h,24h");
        var made = (attempt.Get - 1) % schedule.Count + 1;
        var next = RetrySchedule.NextAttempt(schedule, made, Now, 0.2, null, TimeSpan.FromDays(1), new Random(seed))!.Value;
        var delay = (next - Now).TotalMilliseconds;
        var nominal = schedule[made - 1].TotalMilliseconds;
        return delay >= nominal * 0.8 - 1 && delay <= nominal * 1.2 + 1;
    }

    [Fact]
    public void Retry_After_delays_but_never_hastens_and_is_capped()
    {
        var schedule = RetrySchedule.Parse("5s,5m");
        var random = new Random(1);
        Assert.Equal(Now + TimeSpan.FromMinutes(1), RetrySchedule.NextAttempt(schedule, 1, Now, 0, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), random));
        Assert.Equal(Now + TimeSpan.FromMinutes(5), RetrySchedule.NextAttempt(schedule, 2, Now, 0, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1), random));
        Assert.Equal(Now + TimeSpan.FromHours(1), RetrySchedule.NextAttempt(schedule, 1, Now, 0, TimeSpan.FromDays(30), TimeSpan.FromHours(1), random));
        Assert.Null(RetrySchedule.NextAttempt(schedule, 3, Now, 0, null, TimeSpan.FromDays(1), random));
    }

    [Fact]
    public void Signatures_verify_with_the_StandardWebhooks_package_and_only_with_the_right_secret()
    {
        var secret = WebhookSecrets.New();
        var other = WebhookSecrets.New();
        var now = DateTimeOffset.UtcNow;
        const string body = """{"event":"verification.completed","session_id":"sess_1"}""";
        var headers = new HeaderDictionary
        {
            ["webhook-id"] = "evt_1",
            ["webhook-timestamp"] = now.ToUnixTimeSeconds().ToString(),
            ["webhook-signature"] = WebhookSigner.Signature(new SigningKeys(secret, other, now.AddHours(1)), "evt_1", now, body, now),
        };
        new StandardWebhook(secret).Verify(body, headers);
        // StandardWebhooks 1.1.2 only ever compares the first entry of a multi-signature header, so each entry is checked alone.
        var entries = headers["webhook-signature"].ToString().Split(' ');
        Assert.Equal(2, entries.Length);
        new StandardWebhook(other).Verify(body, new HeaderDictionary(headers.ToDictionary(h => h.Key, h => h.Value)) { ["webhook-signature"] = entries[1] });
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => new StandardWebhook(WebhookSecrets.New()).Verify(body, headers));
        Assert.Throws<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => new StandardWebhook(secret).Verify(body + " ", headers));
    }
}
