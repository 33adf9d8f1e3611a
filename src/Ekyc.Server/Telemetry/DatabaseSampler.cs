using Ekyc.Server.Data;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Telemetry;

/// <summary>Reads the queue and the sessions by status every <see cref="TelemetryOptions.SampleInterval"/> while telemetry is on.</summary>
public sealed partial class DatabaseSampler(Database database, TelemetryStore store, DatabaseSample sample, IOptions<TelemetryOptions> options,
    ILogger<DatabaseSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SampleInterval);
        do
        {
            try
            {
                await using var connection = await database.OpenAsync(stoppingToken);
                var (depth, oldest) = await store.QueueAsync(connection);
                sample.Current = new DatabaseSample.Reading(depth, oldest, await store.SessionsByStatusAsync(connection));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSampleFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the telemetry gauges from the database failed; the previous reading stays")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
