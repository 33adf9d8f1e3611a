using Ekyc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Client.Tests.Infrastructure;

/// <summary>The real server (every engine, SQLite in a temporary folder) on a loopback port, shared by a test class.</summary>
public class EkycServer : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;
    public string DataPath { get; } = Directory.CreateTempSubdirectory("ekyc-client-").FullName;
    public string ApiKey => File.ReadAllText(Path.Combine(DataPath, "initial-api-key.txt")).Trim();
    public IServiceProvider Services => _app!.Services;

    /// <summary>Settings (without the leading <c>--</c>) a derived fixture adds.</summary>
    protected virtual IEnumerable<string> ExtraSettings => [];

    public async Task InitializeAsync()
    {
        _app = EkycApp.Build([
            "--urls", "http://127.0.0.1:0", $"--Ekyc:DataPath={DataPath}", "--Ekyc:Worker:PollInterval=00:00:00.100",
            "--Logging:LogLevel:Default=Warning",
            // Webhook receivers in the tests listen on loopback over plain HTTP; retries come quickly.
            "--Ekyc:Webhooks:AllowPrivateNetworks=true", "--Ekyc:Webhooks:AllowHttp=true", "--Ekyc:Webhooks:RetrySchedule=200ms,200ms,200ms",
            .. ExtraSettings.Select(s => "--" + s),
        ]);
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Directory.Delete(DataPath, recursive: true);
    }
}
