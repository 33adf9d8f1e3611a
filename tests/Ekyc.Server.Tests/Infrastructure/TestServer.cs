using System.Net.Http.Headers;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Ekyc.Server;
using Ekyc.Server.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Server.Tests.Infrastructure;

/// <summary>
/// The real server on a real Kestrel port over a real database in a temporary data folder: a SQLite file, or
/// a fresh PostgreSQL database when <see cref="TestDatabase.Variable"/> is set. Stopping and starting another
/// instance on the same folder is a restart (on the same database).
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, string dataPath, Uri address)
    {
        _app = app;
        DataPath = dataPath;
        Address = address;
    }

    public string DataPath { get; }
    public Uri Address { get; }
    /// <summary>The initial tenant's key, written by whichever server created the tenant (read on use: servers may start together).</summary>
    public string ApiKey => File.ReadAllText(Path.Combine(DataPath, "initial-api-key.txt")).Trim();
    public IServiceProvider Services => _app.Services;
    public Database Database => Services.GetRequiredService<Database>();
    public bool UsesPostgres => Database.IsPostgres;

    /// <summary>The SQLite database file, or null on PostgreSQL.</summary>
    public string? DatabaseFile => UsesPostgres ? null : Database.Description;

    public static async Task<TestServer> StartAsync(string? dataPath = null, params string[] settings)
    {
        dataPath ??= Directory.CreateTempSubdirectory("ekyc-test-").FullName;
        var args = new List<string> { "--urls", "http://127.0.0.1:0", $"--Ekyc:DataPath={dataPath}", "--Ekyc:Worker:PollInterval=00:00:00.100",
            "--Logging:LogLevel:Default=Warning" };
        args.AddRange((await TestDatabase.SettingsForAsync(dataPath)).Concat(settings).Select(s => "--" + s));
        var app = EkycApp.Build(args.ToArray());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestServer(app, dataPath, new Uri(address));
    }

    /// <summary>The images as stored (sealed): the blob files on SQLite, the <c>blobs</c> rows on PostgreSQL.</summary>
    public async Task<IReadOnlyList<byte[]>> StoredBlobsAsync()
    {
        if (UsesPostgres)
        {
            await using var connection = await Database.OpenAsync();
            return (await connection.QueryAsync<byte[]>("SELECT content FROM blobs")).ToList();
        }
        var folder = Path.Combine(DataPath, "blobs");
        if (!Directory.Exists(folder))
            return [];
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        return await Task.WhenAll(files.Select(f => File.ReadAllBytesAsync(f)));
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? ApiKey);
        return client;
    }

    public async Task StopAsync() => await _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
