using System.Net.Http.Headers;
using Ekyc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Bench;

/// <summary>
/// The real server on a loopback Kestrel port over a fresh SQLite data folder (rate limit lifted), with a client
/// holding its initial API key. Disposing stops it and deletes the folder.
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessServer(WebApplication app, string dataPath, HttpClient client)
    {
        _app = app;
        DataPath = dataPath;
        Client = client;
    }

    public string DataPath { get; }
    /// <summary>The server's services, e.g. its screening index to check generated names against.</summary>
    public IServiceProvider Services => _app.Services;
    public HttpClient Client { get; }

    public static async Task<InProcessServer> StartAsync(string name, params string[] settings)
    {
        var data = Directory.CreateTempSubdirectory($"ekyc-{name}-").FullName;
        var app = EkycApp.Build([.. new[] { "--urls", "http://127.0.0.1:0", $"--Ekyc:DataPath={data}", "--Ekyc:RateLimit:PermitLimit=1000000",
            "--Logging:LogLevel:Default=Warning" }, .. settings]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(data, "initial-api-key.txt")).Trim());
        return new InProcessServer(app, data, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(DataPath, recursive: true);
    }
}
