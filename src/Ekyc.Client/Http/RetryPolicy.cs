using System.Net;

namespace Ekyc.Client.Http;

/// <summary>
/// When to send a request again and how long to wait first. Retried: 429, 5xx (except 501), 408, 409
/// <c>idempotency_request_in_progress</c> and network failures; every request the client retries is idempotent (a GET,
/// or a POST carrying its Idempotency-Key). The wait is the server's <c>Retry-After</c> when it gave one (capped at
/// <see cref="MaxRetryAfter"/>), otherwise exponential backoff with full jitter.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Attempts in all, the first included; 1 disables retries.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>A longer <c>Retry-After</c> is not waited for: the error is thrown instead.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Whether an answer with this status and problem code is worth another attempt.</summary>
    public static bool IsRetryable(HttpStatusCode status, string? problemCode) => (int)status switch
    {
        408 or 429 => true,
        409 => problemCode == "idempotency_request_in_progress",
        501 => false,
        >= 500 => true,
        _ => false,
    };

    /// <summary>
    /// The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry), or null when no retry is left or
    /// the server asks for a longer wait than <see cref="MaxRetryAfter"/>.
    /// </summary>
    public TimeSpan? DelayBefore(int nextAttempt, TimeSpan? retryAfter, Random random)
    {
        if (nextAttempt > MaxAttempts)
            return null;
        if (retryAfter is { } after)
            // A little jitter on top, so clients told the same second do not all come back at once.
            return after > MaxRetryAfter ? null : after + TimeSpan.FromMilliseconds(random.Next(0, 250));
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, nextAttempt - 2));
        return TimeSpan.FromMilliseconds(random.NextDouble() * ceiling);
    }

    /// <summary>The <c>Retry-After</c> of an answer as a delay from <paramref name="now"/>: seconds or an HTTP date.</summary>
    public static TimeSpan? RetryAfterOf(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
