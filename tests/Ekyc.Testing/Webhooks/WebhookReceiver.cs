using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ekyc.Testing.Webhooks;

/// <summary>
/// A real HTTP receiver on a loopback Kestrel port. Each path has its own behaviour, given as a function of
/// the request and how many requests that path has had before (0 for the first).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<ReceivedWebhook, int, ReceiverAnswer>> _behaviours = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentDictionary<string, (int Now, int Max)> _inFlight = new();

    private WebhookReceiver(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var headers = new HeaderDictionary(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value));
            var received = new ReceivedWebhook(http.Request.Path.Value!, headers, body, DateTimeOffset.UtcNow);
            var before = receiver!._received.Count(r => r.Path == received.Path);
            receiver._received.Enqueue(received);
            var answer = receiver._behaviours.TryGetValue(received.Path, out var behave) ? behave(received, before) : new ReceiverAnswer(200, "ok");
            if (answer.Delay is { } delay)
            {
                receiver._inFlight.AddOrUpdate(received.Path, (1, 1), (_, c) => (c.Now + 1, Math.Max(c.Max, c.Now + 1)));
                await Task.Delay(delay);
                receiver._inFlight.AddOrUpdate(received.Path, (0, 0), (_, c) => (c.Now - 1, c.Max));
            }
            http.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is not null)
                http.Response.Headers.RetryAfter = answer.RetryAfter;
            if (answer.Body is not null)
                await http.Response.WriteAsync(answer.Body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(address));
        return receiver;
    }

    /// <summary>A new path on this receiver with its own behaviour (default: 200).</summary>
    public string Path(string name, Func<ReceivedWebhook, int, ReceiverAnswer>? behaviour = null)
    {
        var path = $"/{name}-{Guid.NewGuid():N}";
        if (behaviour is not null)
            _behaviours[path] = behaviour;
        return path;
    }

    public void Behave(string path, Func<ReceivedWebhook, int, ReceiverAnswer> behaviour) => _behaviours[path] = behaviour;

    public string Url(string path, string host = "127.0.0.1") => $"http://{host}:{Address.Port}{path}";

    /// <summary>The most requests a path had open at once (counted for answers with a delay).</summary>
    public int MaxInFlight(string path) => _inFlight.TryGetValue(path, out var count) ? count.Max : 0;

    public IReadOnlyList<ReceivedWebhook> ReceivedOn(string path) => _received.Where(r => r.Path == path).ToList();

    /// <summary>Every request on every path, redeliveries included.</summary>
    public IReadOnlyList<ReceivedWebhook> All => [.. _received];

    /// <summary>Waits (polling, bounded) until the path has received a request that matches.</summary>
    public async Task<ReceivedWebhook> WaitForAsync(string path, Func<ReceivedWebhook, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_received.FirstOrDefault(r => r.Path == path && match(r)) is { } found)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{path} received {ReceivedOn(path).Count} requests, none matching, before the timeout.");
            await Task.Delay(20);
        }
    }

    public Task<ReceivedWebhook> WaitForEventAsync(string path, string type, TimeSpan? timeout = null) =>
        WaitForAsync(path, r => r.Type == type, timeout);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
