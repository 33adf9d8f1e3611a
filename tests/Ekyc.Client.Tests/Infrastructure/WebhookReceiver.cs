using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ekyc.Client.Tests.Infrastructure;

/// <summary>One delivery as the receiver got it: the raw body and the three Standard Webhooks headers.</summary>
public sealed record Delivery(string Body, string? Id, string? Timestamp, string? Signature)
{
    public string? Header(string name) => name switch
    {
        "webhook-id" => Id,
        "webhook-timestamp" => Timestamp,
        "webhook-signature" => Signature,
        _ => null,
    };
}

/// <summary>A real HTTP receiver on a loopback port that answers 204 and queues what it got.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Delivery> _deliveries = Channel.CreateUnbounded<Delivery>();

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            await receiver._deliveries.Writer.WriteAsync(new Delivery(await reader.ReadToEndAsync(),
                request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Headers["webhook-signature"]));
            return Results.NoContent();
        });
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>The next delivery whose body names the session.</summary>
    public async Task<Delivery> NextForAsync(string sessionId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var delivery = await _deliveries.Reader.ReadAsync(timeout.Token);
            if (delivery.Body.Contains(sessionId, StringComparison.Ordinal))
                return delivery;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
