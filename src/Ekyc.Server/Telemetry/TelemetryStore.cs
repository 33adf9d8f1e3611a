using System.Data.Common;
using Dapper;
using Ekyc.Server.Data;

namespace Ekyc.Server.Telemetry;

/// <summary>The database reads behind the sampled gauges, on the caller's connection.</summary>
public sealed class TelemetryStore(TimeProvider time)
{
    public async Task<(long Depth, double OldestAgeSeconds)> QueueAsync(DbConnection connection)
    {
        var row = await connection.QuerySingleAsync<(long Depth, string? Oldest)>(
            "SELECT COUNT(*), MIN(created_at) FROM jobs WHERE status IN ('pending', 'running')");
        return (row.Depth, row.Oldest is null ? 0 : Math.Max(0, (time.GetUtcNow() - Clock.Parse(row.Oldest)).TotalSeconds));
    }

    public async Task<IReadOnlyDictionary<string, long>> SessionsByStatusAsync(DbConnection connection) =>
        (await connection.QueryAsync<(string Status, long Count)>("SELECT status, COUNT(*) FROM sessions WHERE deleted_at IS NULL AND mode = 'live' GROUP BY status"))
        .ToDictionary(r => r.Status, r => r.Count);
}
