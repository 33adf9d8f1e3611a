using System.Diagnostics;
using System.Diagnostics.Metrics;
using Ekyc.Core.Checks;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Telemetry;

/// <summary>
/// Our own instruments (meter <c>Ekyc</c>) and trace source. Recording costs next to nothing while no listener is
/// attached, so the worker and the dispatcher always record; exporting is what configuration switches on.
/// </summary>
public sealed class EkycMetrics
{
    public const string Name = "Ekyc";

    /// <summary>Spans of a verification and of each of its stages, children of the HTTP and database spans' traces.</summary>
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _decided;
    private readonly Histogram<double> _stageDuration;
    private readonly Histogram<double> _processing;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _webhookAttempts;

    public EkycMetrics(IMeterFactory factory, DatabaseSample sample, IOptions<TelemetryOptions> options)
    {
        var meter = factory.Create(Name);
        _decided = meter.CreateCounter<long>("ekyc.verifications.decided", "{verification}",
            "Verifications decided by the engines, by decision and by the decision rule that settled it.");
        _stageDuration = meter.CreateHistogram<double>("ekyc.verification.stage.duration", "s", "Wall time of each pipeline stage.");
        _processing = meter.CreateHistogram<double>("ekyc.verification.duration", "s", "Wall time of the whole pipeline for one verification.");
        _latency = meter.CreateHistogram<double>("ekyc.verification.latency", "s", "From submit to decision, queueing included: what the customer waits.");
        _webhookAttempts = meter.CreateCounter<long>("ekyc.webhooks.attempts", "{attempt}", "Webhook delivery attempts by outcome.");
        // The gauges read the sampler's latest reading, which only runs while telemetry is on: without it they would
        // report an empty queue.
        if (!options.Value.Enabled)
            return;
        meter.CreateObservableGauge("ekyc.jobs.queue.depth", () => sample.Current.QueueDepth, "{job}", "Jobs waiting or running.");
        meter.CreateObservableGauge("ekyc.jobs.queue.oldest_age", () => sample.Current.OldestJobAge, "s", "Age of the oldest job waiting or running.");
        meter.CreateObservableGauge("ekyc.sessions", () => sample.Current.SessionsByStatus.Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("status", s.Key))),
            "{session}", "Live sessions by status (erased and sandbox sessions excluded).");
    }

    /// <summary>A committed decision. Test-mode (sandbox) decisions are counted under <c>mode="test"</c> and time nothing: no engine ran.</summary>
    public void Decided(bool livemode, string decision, string rule, double pipelineMilliseconds, IReadOnlyList<StageTiming> stages, TimeSpan? sinceSubmit)
    {
        _decided.Add(1, new KeyValuePair<string, object?>("decision", decision), new KeyValuePair<string, object?>("rule", rule),
            new KeyValuePair<string, object?>("mode", livemode ? "live" : "test"));
        if (!livemode)
            return;
        _processing.Record(pipelineMilliseconds / 1000);
        foreach (var stage in stages)
            _stageDuration.Record(stage.Milliseconds / 1000, new KeyValuePair<string, object?>("stage", stage.Stage));
        if (sinceSubmit is { } latency)
            _latency.Record(latency.TotalSeconds);
    }

    /// <summary>One delivery attempt: <c>succeeded</c>, <c>retrying</c>, <c>failed</c> (no retry left) or <c>gone</c> (410).</summary>
    public void WebhookAttempt(string outcome, bool sessionUrl) =>
        _webhookAttempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("target", sessionUrl ? "session_url" : "endpoint"));
}
