using System.ComponentModel.DataAnnotations;

namespace Ekyc.Server.Webhooks;

/// <summary>Configuration section <c>Ekyc:Webhooks</c>: delivery schedule, limits and the SSRF guard.</summary>
public sealed class WebhookOptions : IValidatableObject
{
    /// <summary>
    /// Delays before each retry, comma-separated, as <c>500ms</c>, <c>5s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c> or
    /// <c>hh:mm:ss</c>. One first attempt plus one attempt per entry; the default spans about three days.
    /// </summary>
    [Required]
    public string RetrySchedule { get; set; } = "5s,5m,30m,2h,5h,10h,14h,20h,24h";

    /// <summary>Each delay is multiplied by a random factor in [1 - Jitter, 1 + Jitter], so retries of many events spread out.</summary>
    [Range(0.0, 0.9)]
    public double Jitter { get; set; } = 0.2;

    /// <summary>A receiver's <c>Retry-After</c> is honoured up to this delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Whole request timeout (connect, send, response headers and excerpt).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a claimed delivery stays locked; must exceed the request timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Parallel deliveries per process.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 8;

    /// <summary>At most this many requests in flight to one receiver URL at a time.</summary>
    [Range(1, 64)]
    public int MaxConcurrencyPerEndpoint { get; set; } = 4;

    /// <summary>How often the outbox and the due retries are polled when nothing woke the dispatcher up.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Events turned into delivery rows per fan-out transaction.</summary>
    [Range(1, 10_000)]
    public int FanOutBatchSize { get; set; } = 200;

    /// <summary>How long the previous secret keeps signing after a rotation (both signatures are sent).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SecretRotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Allow receivers on private, loopback, link-local and other non-public addresses (tests, on-premises receivers).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Allow plain <c>http://</c> receivers.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Bytes of the receiver's response body kept in the delivery log.</summary>
    [Range(0, 64 * 1024)]
    public int ResponseExcerptBytes { get; set; } = 1024;

    public IReadOnlyList<TimeSpan> Schedule => Webhooks.RetrySchedule.Parse(RetrySchedule);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Webhooks.RetrySchedule.TryParse(RetrySchedule, out _, out var error))
            yield return new ValidationResult($"Ekyc:Webhooks:RetrySchedule: {error}", [nameof(RetrySchedule)]);
        if (Lease <= RequestTimeout)
            yield return new ValidationResult("Ekyc:Webhooks:Lease must be longer than Ekyc:Webhooks:RequestTimeout.", [nameof(Lease)]);
    }
}
