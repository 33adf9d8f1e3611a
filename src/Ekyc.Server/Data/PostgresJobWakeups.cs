using Dapper;
using Ekyc.Server.Jobs;
using Npgsql;

namespace Ekyc.Server.Data;

/// <summary>
/// Cross-process wake-ups on PostgreSQL: a submit on any replica sends <c>NOTIFY ekyc_jobs</c> with its commit
/// (<see cref="JobStore.EnqueueAsync"/>), and every worker process LISTENs on one dedicated connection and wakes its
/// loops. Only a hint like <see cref="JobSignal"/>: a lost notification costs one poll interval, never a job.
/// </summary>
public sealed partial class PostgresJobWakeups(Database database, JobSignal signal, ILogger<PostgresJobWakeups> logger) : BackgroundService
{
    public const string Channel = "ekyc_jobs";
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)await database.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Notify();
                await connection.ExecuteAsync($"LISTEN {Channel}");
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database restarted or the network dropped: workers keep polling meanwhile; listen again.
                LogListenFailed(logger, e, Reconnect);
                await Task.Delay(Reconnect, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for job notifications failed; retrying in {Delay}")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, TimeSpan delay);
}
