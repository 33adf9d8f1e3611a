using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ekyc.Server.Data;

/// <summary>
/// Opens connections to the configured database: the embedded SQLite file (WAL, foreign keys, busy timeout)
/// or a shared PostgreSQL database through one pooled <see cref="NpgsqlDataSource"/>.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    static Database() => Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

    private readonly string? _sqliteConnectionString;
    private readonly NpgsqlDataSource? _postgres;

    private Database(DatabaseProvider provider, string description, string? sqliteConnectionString, NpgsqlDataSource? postgres)
    {
        Provider = provider;
        Description = description;
        _sqliteConnectionString = sqliteConnectionString;
        _postgres = postgres;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Where the data is, for messages (a file path, or host and database; never the password).</summary>
    public string Description { get; }

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public static Database Sqlite(string path) => new(DatabaseProvider.Sqlite, path, new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString(), null);

    public static Database Postgres(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "ekyc";
        var settings = builder.ConnectionStringBuilder;
        return new(DatabaseProvider.Postgres, $"postgresql://{settings.Host}:{settings.Port}/{settings.Database}", null, builder.Build());
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
            return await _postgres.OpenConnectionAsync(cancellationToken);
        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        // secure_delete: erased rows are overwritten with zeros, not left in free pages of the file.
        pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs reads on one connection, outside any transaction.</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await work(connection);
    }

    /// <summary>
    /// Runs work in a write transaction. On SQLite it takes the write lock at BEGIN (BEGIN IMMEDIATE: no upgrade
    /// deadlocks, writers serialised); on PostgreSQL it is READ COMMITTED and the stores lock the rows they change
    /// (<see cref="SqlDialect.ForUpdate"/>), so writers of different sessions run in parallel.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// After an erasure on SQLite, copies the write-ahead log into the database and truncates it, so the old page
    /// images that still held the erased data leave the WAL file too. Best effort: a checkpoint blocked by a reader
    /// is completed by a later one. PostgreSQL keeps old row versions until autovacuum; its data is sealed.
    /// </summary>
    public async Task CompactAfterErasureAsync(CancellationToken cancellationToken)
    {
        if (IsPostgres)
            return;
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }
}
