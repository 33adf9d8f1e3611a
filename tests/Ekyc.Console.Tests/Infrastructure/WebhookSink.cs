using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ekyc.Console.Tests.Infrastructure;

/// <summary>A real webhook receiver on a loopback port that keeps every body it gets and answers 204.</summary>
public sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonObject> _received = new();

    private WebhookSink(WebApplication app) => _app = app;

    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook");

    public static async Task<WebhookSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new WebhookSink(app);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            sink._received.Enqueue(JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject());
            return Results.NoContent();
        });
        await app.StartAsync();
        return sink;
    }

    /// <summary>Waits for an event of <paramref name="type"/> about <paramref name="sessionId"/>.</summary>
    public async Task<JsonObject> WaitForAsync(string sessionId, string type, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            var hit = _received.FirstOrDefault(e => e["session_id"]?.GetValue<string>() == sessionId && e["event"]?.GetValue<string>() == type);
            if (hit is not null)
                return hit;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No {type} webhook for {sessionId}; got: {string.Join(", ", _received.Select(e => e["event"]))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
