using System.ComponentModel.DataAnnotations;

namespace Ekyc.Server.Telemetry;

/// <summary>
/// Configuration section <c>Ekyc:Telemetry</c>. Off by default: nothing is exported and no endpoint is added until an
/// OTLP collector or the Prometheus scrape endpoint is configured.
/// </summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Ekyc:Telemetry";

    /// <summary>
    /// Base URL of an OTLP/HTTP collector (e.g. <c>http://otel-collector:4318</c>); traces go to <c>/v1/traces</c>, metrics
    /// to <c>/v1/metrics</c>. Empty: the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable, if set, is used instead.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Serves the metrics in Prometheus text format at <see cref="PrometheusPath"/>, without authentication: keep it on an internal network.</summary>
    public bool Prometheus { get; set; }

    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>How often metrics are pushed to the collector, and traces flushed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the queue depth and the sessions by status are read from the database (only while telemetry is on).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    public string? EffectiveOtlpEndpoint => string.IsNullOrWhiteSpace(OtlpEndpoint) ? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") : OtlpEndpoint;

    public bool Enabled => Prometheus || !string.IsNullOrWhiteSpace(EffectiveOtlpEndpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint) && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            yield return new ValidationResult("OtlpEndpoint must be an absolute http(s) URL.", [nameof(OtlpEndpoint)]);
        if (!PrometheusPath.StartsWith('/'))
            yield return new ValidationResult("PrometheusPath must start with '/'.", [nameof(PrometheusPath)]);
    }
}
