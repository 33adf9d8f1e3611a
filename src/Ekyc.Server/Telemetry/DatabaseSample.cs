namespace Ekyc.Server.Telemetry;

/// <summary>
/// The latest reading of the database-wide gauges. Observable gauges are read synchronously at export time, so a
/// background sampler keeps this current instead of querying inside the callback.
/// </summary>
public sealed class DatabaseSample
{
    public sealed record Reading(long QueueDepth, double OldestJobAge, IReadOnlyDictionary<string, long> SessionsByStatus);

    public Reading Current { get; set; } = new(0, 0, new Dictionary<string, long>());
}
