using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Ekyc.Server;
using Ekyc.Server.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Server.Tests.Infrastructure;

/// <summary>
/// The real server on a real Kestrel port over a real SQLite file in a temporary data folder. Stopping and
/// starting another instance on the same folder is a restart.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, string dataPath, Uri address)
    {
        _app = app;
        DataPath = dataPath;
        Address = address;
        ApiKey = File.ReadAllText(Path.Combine(dataPath, "initial-api-key.txt")).Trim();
    }

    public string DataPath { get; }
    public Uri Address { get; }
    public string ApiKey { get; }
    public IServiceProvider Services => _app.Services;
    public Database Database => Services.GetRequiredService<Database>();

    public static async Task<TestServer> StartAsync(string? dataPath = null, params string[] settings)
    {
        dataPath ??= Directory.CreateTempSubdirectory("ekyc-test-").FullName;
        var args = new List<string> { "--urls", "http://127.0.0.1:0", $"--Ekyc:DataPath={dataPath}", "--Ekyc:Worker:PollInterval=00:00:00.100",
            "--Logging:LogLevel:Default=Warning" };
        args.AddRange(settings.Select(s => "--" + s));
        var app = EkycApp.Build(args.ToArray());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestServer(app, dataPath, new Uri(address));
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
