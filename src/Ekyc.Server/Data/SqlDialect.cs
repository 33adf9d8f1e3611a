using System.Data.Common;
using Dapper;
using Npgsql;

namespace Ekyc.Server.Data;

/// <summary>
/// The few places where SQLite and PostgreSQL need different SQL, decided from the open connection so stores
/// that receive a caller's connection and transaction need not know the configuration.
/// </summary>
public static class SqlDialect
{
    public static bool IsPostgres(DbConnection connection) => connection is NpgsqlConnection;

    /// <summary>
    /// Row lock for a read that precedes a change. SQLite needs none: its write transactions are serialised
    /// from BEGIN IMMEDIATE. On PostgreSQL it makes concurrent changes of one session queue up instead of
    /// failing their optimistic version check.
    /// </summary>
    public static string ForUpdate(DbConnection connection) => IsPostgres(connection) ? " FOR UPDATE" : "";

    /// <summary>
    /// A column matched against a list parameter. Dapper expands <c>IN @list</c> into one parameter per item on
    /// SQLite, but hands Npgsql the list as one array parameter, which PostgreSQL matches with <c>= ANY</c>.
    /// </summary>
    public static string InList(DbConnection connection, string column, string parameter) =>
        IsPostgres(connection) ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    /// <summary>
    /// Serialises a critical section across processes until the transaction ends: a transaction-scoped advisory
    /// lock on PostgreSQL; nothing on SQLite, where the write transaction already excludes every other writer.
    /// </summary>
    public static Task LockAsync(DbConnection connection, DbTransaction transaction, AdvisoryLock key) =>
        IsPostgres(connection)
            ? connection.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key = (long)key }, transaction)
            : Task.CompletedTask;
}

/// <summary>Application-wide advisory lock keys (PostgreSQL); arbitrary but fixed 64-bit numbers.</summary>
public enum AdvisoryLock : long
{
    Migrations = 0x456b7963_0001,
    Tenants = 0x456b7963_0002,
    Events = 0x456b7963_0003,
    WebhookClaims = 0x456b7963_0004,
}
