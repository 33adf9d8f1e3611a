using Dapper;
using Ekyc.Server.Data;
using Ekyc.Server.Idempotency;
using Ekyc.Server.Sessions;

namespace Ekyc.Server.Jobs;

/// <summary>Expires sessions whose time ran out (with their event) and purges old idempotency records.</summary>
public sealed partial class MaintenanceService(
    Database database, SessionStore sessions, SessionExpiry expiry, IdempotencyStore idempotency, TimeProvider time,
    ILogger<MaintenanceService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<(string Id, string TenantId)> due;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await idempotency.PurgeExpiredAsync(connection, time.GetUtcNow());
            due = (await connection.QueryAsync<(string, string)>(
                $"SELECT id, tenant_id FROM sessions WHERE {SqlDialect.InList(connection, "status", "statuses")} AND expires_at <= @now AND deleted_at IS NULL LIMIT 500",
                new { statuses = SessionExpiry.ExpirableStatuses.ToArray(), now = Clock.Format(time.GetUtcNow()) })).ToList();
        }
        foreach (var (id, tenantId) in due)
        {
            await database.InTransactionAsync(async (connection, transaction) =>
                await sessions.LoadAsync(connection, transaction, tenantId, id) is { } session
                    ? await expiry.ExpireIfDueAsync(connection, transaction, session)
                    : null, cancellationToken);
        }
        if (due.Count > 0)
            LogExpired(logger, due.Count);
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} sessions")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Maintenance pass failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
