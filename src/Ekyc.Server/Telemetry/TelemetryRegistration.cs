using Ekyc.Server.Options;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ekyc.Server.Telemetry;

/// <summary>
/// OpenTelemetry metrics and traces: ASP.NET Core, HttpClient (webhook deliveries), Npgsql and the runtime, plus our
/// own meter and spans; exported by OTLP/HTTP and/or served for Prometheus, as configured.
/// </summary>
public static class TelemetryRegistration
{
    public static IServiceCollection AddEkycTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = services.AddValidatedOptions<TelemetryOptions>(configuration, TelemetryOptions.Section);
        services.AddSingleton<DatabaseSample>();
        services.AddSingleton<EkycMetrics>();
        if (!settings.Enabled)
            return services;

        services.AddSingleton<TelemetryStore>();
        services.AddHostedService<DatabaseSampler>();
        var otlp = settings.EffectiveOtlpEndpoint?.TrimEnd('/');
        var interval = (int)settings.ExportInterval.TotalMilliseconds;
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("ekyc", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(EkycMetrics.Name, "Npgsql").AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
                if (settings.Prometheus)
                    metrics.AddPrometheusExporter();
                if (otlp is not null)
                    metrics.AddOtlpExporter((exporter, reader) =>
                    {
                        Point(exporter, otlp + "/v1/metrics");
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                    });
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(EkycMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql();
                if (otlp is not null)
                    tracing.AddOtlpExporter(exporter =>
                    {
                        Point(exporter, otlp + "/v1/traces");
                        exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = interval;
                    });
            });
        return services;
    }

    /// <summary>An endpoint set in code is used as the full URL of the signal (no path is appended to it).</summary>
    private static void Point(OtlpExporterOptions exporter, string url)
    {
        exporter.Endpoint = new Uri(url);
        exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
    }

    /// <summary>The Prometheus scrape endpoint, when configured (anonymous: metrics carry counts, never personal data).</summary>
    public static void MapEkycTelemetry(this WebApplication app, TelemetryOptions settings)
    {
        if (settings.Prometheus)
            app.MapPrometheusScrapingEndpoint(settings.PrometheusPath).AllowAnonymous().ExcludeFromDescription();
    }
}
