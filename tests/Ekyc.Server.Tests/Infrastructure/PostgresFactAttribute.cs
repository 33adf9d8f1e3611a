namespace Ekyc.Server.Tests.Infrastructure;

/// <summary>A test of PostgreSQL-only behaviour: reported as skipped in the SQLite run.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.UsesPostgres)
            Skip = $"PostgreSQL only (set {TestDatabase.Variable}; ./test.sh does)";
    }
}
