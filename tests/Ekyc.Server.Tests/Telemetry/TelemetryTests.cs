using System.Net;
using System.Text.RegularExpressions;
using Ekyc.Server.Tests.Infrastructure;
using Ekyc.Server.Tests.Webhooks;

namespace Ekyc.Server.Tests.Telemetry;

/// <summary>
/// Alone: an OpenTelemetry provider follows every meter named <c>Ekyc</c> in the process, and another test's server
/// disposing its meter ends the shared streams; one server per process, as in production, has no such neighbour.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}

[Collection(TelemetryCollection.Name)]
public class TelemetryTests
{
    [Fact]
    public async Task Without_configuration_nothing_is_exported_and_no_metrics_endpoint_exists()
    {
        await using var server = await TestServer.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task The_Prometheus_endpoint_counts_decisions_stage_times_and_the_sessions_by_status()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var server = await TestServer.StartAsync(null,
            "Ekyc:Webhooks:AllowPrivateNetworks=true", "Ekyc:Webhooks:AllowHttp=true", "Ekyc:Telemetry:Prometheus=true", "Ekyc:Telemetry:SampleInterval=00:00:00.200");
        using var client = server.Client();
        await WebhookApi.CreateEndpointAsync(client, receiver.Url(receiver.Path("metrics")), ["verification.completed"]);
        var id = (await Api.ReadyToSubmitAsync(client)).Id();
        await client.PostAsync($"/v1/sessions/{id}/submit", null);
        var decision = (await Api.WaitForDecisionAsync(client, id)).Status();

        // Served without credentials, in the Prometheus text format.
        using var scraper = new HttpClient { BaseAddress = server.Address };
        // A decision is counted just after it commits and the gauges are sampled: scrape until every series is there.
        string[] expected =
        [
            $"ekyc_verifications_decided_total\\{{[^}}]*decision=\"{decision}\"[^}}]*\\}} [1-9]",
            "ekyc_verification_stage_duration_seconds_count\\{[^}]*stage=\"document\"[^}]*\\} [1-9]",
            "ekyc_verification_latency_seconds_count\\{[^}]*\\} [1-9]",
            $"ekyc_sessions\\{{[^}}]*status=\"{decision}\"[^}}]*\\}} [1-9]",
            "ekyc_webhooks_attempts_total\\{[^}]*outcome=\"succeeded\"[^}]*\\} [1-9]",
        ];
        var text = await ScrapeUntilAsync(scraper, t => expected.All(e => Regex.IsMatch(t, e)));
        Assert.All(expected, e => Assert.Matches(e, text));
        Assert.Contains("ekyc_jobs_queue_depth", text);
        Assert.Contains("http_server_request_duration_seconds", text);
        Assert.DoesNotContain(server.ApiKey, text);
        // An operations endpoint, not part of the API contract.
        Assert.Equal(HttpStatusCode.OK, (await scraper.GetAsync("/openapi/v1.json")).StatusCode);

        // Every series the shipped Grafana dashboard queries is one the server serves.
        var dashboard = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "ops", "ekyc-dashboard.json"));
        var queried = Regex.Matches(dashboard, "ekyc_[a-z_]+").Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(queried);
        Assert.All(queried, series => Assert.Contains(series, text));
    }

    [Fact]
    public async Task The_OTLP_exporter_pushes_verification_spans_and_metrics_to_the_collector()
    {
        await using var collector = await WebhookReceiver.StartAsync();
        var otlp = collector.Path("otlp");
        await using var server = await TestServer.StartAsync(null, $"Ekyc:Telemetry:OtlpEndpoint={collector.Url(otlp)}", "Ekyc:Telemetry:ExportInterval=00:00:00.300");
        using var client = server.Client();
        var id = (await Api.ReadyToSubmitAsync(client)).Id();
        await client.PostAsync($"/v1/sessions/{id}/submit", null);
        await Api.WaitForDecisionAsync(client, id);

        // OTLP/HTTP protobuf: the names travel as plain UTF-8 strings inside the message.
        var traces = await collector.WaitForAsync(otlp + "/v1/traces", r => r.Body.Contains("ekyc.stage.document"));
        Assert.Equal("application/x-protobuf", traces.Headers["Content-Type"].ToString());
        await collector.WaitForAsync(otlp + "/v1/traces", r => r.Body.Contains("ekyc.verification") && r.Body.Contains("ekyc.session_id"));
        await collector.WaitForAsync(otlp + "/v1/metrics", r => r.Body.Contains("ekyc.verifications.decided"));
    }

    private static async Task<string> ScrapeUntilAsync(HttpClient scraper, Func<string, bool> ready)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            using var response = await scraper.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            if (ready(text) || DateTime.UtcNow > deadline)
                return text;
            await Task.Delay(200);
        }
    }
}
