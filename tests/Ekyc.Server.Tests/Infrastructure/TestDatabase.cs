using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace Ekyc.Server.Tests.Infrastructure;

/// <summary>
/// Which database the test servers use. SQLite (a file in each server's data folder) unless
/// <c>EKYC_TEST_POSTGRES</c> holds a connection string to a PostgreSQL server: then every new data folder gets
/// a fresh database of its own (and its own master key), remembered in the folder so a restart on the same
/// folder is a restart on the same database. The databases are dropped after the last test
/// (<see cref="CleanupTestFramework"/>); what a run left behind is dropped by the next one: its name records the
/// creating machine, process and time, so a database whose process is gone (or that is hours old) is stale.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "EKYC_TEST_POSTGRES";
    private const string MarkerFile = "test-postgres-database.txt";
    private const string Prefix = "ekyc_test_";
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(3);

    private static readonly string? Server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
    private static readonly ConcurrentBag<string> Created = [];
    private static readonly Lazy<Task> Sweep = new(DropStaleAsync);
    private static readonly SemaphoreSlim FolderLock = new(1, 1);
    private static readonly string Host = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Environment.MachineName)))[..6];

    public static bool UsesPostgres => Server is not null;

    /// <summary>The server settings (without the leading <c>--</c>) that point a server in this folder at its database.</summary>
    public static async Task<IReadOnlyList<string>> SettingsForAsync(string dataPath)
    {
        if (Server is null)
            return [];
        await Sweep.Value;
        var marker = Path.Combine(dataPath, MarkerFile);
        // Servers started together on one new folder must share one database.
        await FolderLock.WaitAsync();
        try
        {
            if (!File.Exists(marker))
                await CreateAsync(marker);
        }
        finally
        {
            FolderLock.Release();
        }
        var lines = await File.ReadAllLinesAsync(marker);
        var connectionString = new NpgsqlConnectionStringBuilder(Server) { Database = lines[0] }.ConnectionString;
        return ["Ekyc:Database:Provider=postgres", $"ConnectionStrings:Ekyc={connectionString}", $"Ekyc:MasterKey={lines[1]}"];
    }

    /// <summary>A new, empty data folder whose servers use the database of <paramref name="dataPath"/>: replicas that share no files.</summary>
    public static string ShareDatabaseOf(string dataPath)
    {
        var folder = Directory.CreateTempSubdirectory("ekyc-test-").FullName;
        File.Copy(Path.Combine(dataPath, MarkerFile), Path.Combine(folder, MarkerFile));
        return folder;
    }

    private static async Task CreateAsync(string marker)
    {
        var name = $"{Prefix}{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}_{Host}_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var connection = new NpgsqlConnection(Server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        Created.Add(name);
        await File.WriteAllLinesAsync(marker, [name, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))]);
    }

    private static async Task DropStaleAsync()
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE starts_with(datname, '{Prefix}')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                names.Add(reader.GetString(0));
        }
        var cutoff = DateTimeOffset.UtcNow - StaleAfter;
        foreach (var name in names.Where(n => IsStale(n, cutoff)))
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Name parts: creation time (unix seconds), host hash, process id, random.</summary>
    private static bool IsStale(string name, DateTimeOffset cutoff)
    {
        var parts = name[Prefix.Length..].Split('_');
        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return false;
        if (DateTimeOffset.FromUnixTimeSeconds(seconds) < cutoff)
            return true;
        return parts[1] == Host && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Drops the databases this run created (called once, after the last test).</summary>
    public static void DropCreated()
    {
        if (Server is null)
            return;
        NpgsqlConnection.ClearAllPools();
        // In parallel: each drop waits for a checkpoint.
        Parallel.ForEach(Created, name =>
        {
            try
            {
                using var connection = new NpgsqlConnection(Server);
                connection.Open();
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
            }
            catch (NpgsqlException)
            {
                // The server is gone already (a throwaway cluster stopped first); a later run sweeps what is left.
            }
        });
    }
}
