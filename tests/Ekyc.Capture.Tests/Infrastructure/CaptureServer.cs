using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ekyc.Server;
using Ekyc.Server.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Capture.Tests.Infrastructure;

/// <summary>The real server (every engine, SQLite in a temporary folder) on a loopback port, as the browser sees it.</summary>
public class CaptureServer : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri Address { get; private set; } = null!;
    public string DataPath { get; } = Directory.CreateTempSubdirectory("ekyc-capture-").FullName;
    public string ApiKey => File.ReadAllText(Path.Combine(DataPath, "initial-api-key.txt")).Trim();
    public Database Database => _app!.Services.GetRequiredService<Database>();
    public IServiceProvider Services => _app!.Services;

    /// <summary>Configuration beyond the defaults, as command-line settings.</summary>
    protected virtual IEnumerable<string> Settings => [];

    public async Task InitializeAsync()
    {
        _app = EkycApp.Build([
            "--urls", "http://127.0.0.1:0", $"--Ekyc:DataPath={DataPath}", "--Ekyc:Worker:PollInterval=00:00:00.100",
            "--Logging:LogLevel:Default=Warning", .. Settings,
        ]);
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? ApiKey);
        return client;
    }

    /// <summary>Creates a session with the secret key; returns its JSON (with <c>capture_url</c> and <c>client_token</c>).</summary>
    public async Task<JsonObject> CreateSessionAsync(object body)
    {
        using var client = Client();
        var response = await client.PostAsJsonAsync("/v1/sessions", body);
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
        return json;
    }

    public async Task<JsonObject> GetSessionAsync(string id)
    {
        using var client = Client();
        return (await client.GetFromJsonAsync<JsonObject>($"/v1/sessions/{id}"))!;
    }

    /// <summary>Polls (every 100 ms, at most a minute) until the session is decided.</summary>
    public async Task<JsonObject> WaitForDecisionAsync(string id)
    {
        for (var i = 0; i < 600; i++)
        {
            var session = await GetSessionAsync(id);
            if (session["status"]!.GetValue<string>() is "approved" or "rejected" or "manual_review")
                return session;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{id} not decided");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { }
    }
}
