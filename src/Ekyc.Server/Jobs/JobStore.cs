using System.Data.Common;
using Dapper;
using Ekyc.Server.Data;

namespace Ekyc.Server.Jobs;

/// <summary>A claimed job: the lease holder is the only one allowed to complete it.</summary>
public sealed record ClaimedJob(string Id, string SessionId, int Attempts, string Worker);

/// <summary>
/// The durable processing queue. A job is claimed by setting a lease (<c>locked_until</c>); a job whose
/// lease ran out (its worker died) is claimed again; on PostgreSQL the workers of every replica claim at once
/// (<c>FOR UPDATE SKIP LOCKED</c>). Completion is fenced on the lease holder, so a worker that lost its lease
/// cannot commit a second result. Every statement runs on the caller's connection (and transaction where it writes
/// more than one row's worth of state); the worker owns them.
/// </summary>
public sealed class JobStore(TimeProvider time)
{
    public async Task EnqueueAsync(DbConnection connection, DbTransaction transaction, string sessionId, DateTimeOffset now)
    {
        await connection.ExecuteAsync("""
            INSERT INTO jobs (id, session_id, status, attempts, created_at, updated_at)
            VALUES (@id, @sessionId, 'pending', 0, @now, @now)
            """, new { id = Ids.New("job"), sessionId, now = Clock.Format(now) }, transaction);
        // Delivered when the transaction commits, to the worker processes of every replica (PostgresJobWakeups).
        if (SqlDialect.IsPostgres(connection))
            await connection.ExecuteAsync($"NOTIFY {PostgresJobWakeups.Channel}", transaction: transaction);
    }

    /// <summary>Claims the oldest runnable job inside the caller's write transaction; null when there is none.</summary>
    public async Task<ClaimedJob?> ClaimAsync(DbConnection connection, DbTransaction transaction, string worker, TimeSpan lease)
    {
        var now = time.GetUtcNow();
        // PostgreSQL: claimers in other processes skip the rows being claimed instead of waiting on them.
        // SQLite: the write transaction already makes this process's claim the only one.
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string SessionId, long Attempts)>($"""
            UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = @worker, locked_until = @until, updated_at = @now
            WHERE id = (SELECT id FROM jobs
                        WHERE status = 'pending' OR (status = 'running' AND locked_until < @now)
                        ORDER BY created_at LIMIT 1{(SqlDialect.IsPostgres(connection) ? " FOR UPDATE SKIP LOCKED" : "")})
            RETURNING id, session_id, attempts
            """, new { worker, until = Clock.Format(now + lease), now = Clock.Format(now) }, transaction);
        return row.Id is null ? null : new ClaimedJob(row.Id, row.SessionId, (int)row.Attempts, worker);
    }

    /// <summary>Extends the lease; false when another worker took the job over.</summary>
    public async Task<bool> RenewAsync(DbConnection connection, ClaimedJob job, TimeSpan lease)
    {
        var now = time.GetUtcNow();
        return await connection.ExecuteAsync(
            "UPDATE jobs SET locked_until = @until, updated_at = @now WHERE id = @Id AND locked_by = @Worker AND status = 'running'",
            new { job.Id, job.Worker, until = Clock.Format(now + lease), now = Clock.Format(now) }) == 1;
    }

    /// <summary>Marks the job done inside the caller's transaction; false when the lease was lost.</summary>
    public async Task<bool> CompleteAsync(DbConnection connection, DbTransaction transaction, ClaimedJob job, string status, string? error = null) =>
        await connection.ExecuteAsync(
            "UPDATE jobs SET status = @status, locked_until = NULL, last_error = @error, updated_at = @now WHERE id = @Id AND locked_by = @Worker AND status = 'running'",
            new { job.Id, job.Worker, status, error, now = Clock.Format(time.GetUtcNow()) }, transaction) == 1;

    /// <summary>Gives the job back (shutdown or a transient error) so another claim can run it.</summary>
    public Task ReleaseAsync(DbConnection connection, ClaimedJob job, string? error) =>
        connection.ExecuteAsync(
            "UPDATE jobs SET status = 'pending', locked_by = NULL, locked_until = NULL, last_error = @error, updated_at = @now WHERE id = @Id AND locked_by = @Worker AND status = 'running'",
            new { job.Id, job.Worker, error, now = Clock.Format(time.GetUtcNow()) });

    /// <summary>Records that the engines started on a claim, so tests and operators can count runs per submission.</summary>
    public Task RecordEngineRunAsync(DbConnection connection, ClaimedJob job) =>
        connection.ExecuteAsync(
            "INSERT INTO engine_runs (job_id, session_id, worker, attempt, started_at) VALUES (@Id, @SessionId, @Worker, @Attempts, @now)",
            new { job.Id, job.SessionId, job.Worker, job.Attempts, now = Clock.Format(time.GetUtcNow()) });

    public Task MarkEngineRunCommittedAsync(DbConnection connection, DbTransaction transaction, ClaimedJob job) =>
        connection.ExecuteAsync("UPDATE engine_runs SET committed = 1 WHERE job_id = @Id AND attempt = @Attempts", new { job.Id, job.Attempts }, transaction);
}
