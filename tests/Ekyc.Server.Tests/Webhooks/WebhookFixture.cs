using Ekyc.Server.Tests.Infrastructure;

namespace Ekyc.Server.Tests.Webhooks;

/// <summary>A receiver and a server allowed to deliver to it (loopback, http) with a sub-second retry schedule.</summary>
public sealed class WebhookFixture : IAsyncLifetime
{
    /// <summary>Delivery is what these tests are about: without engines every session ends in manual_review, which the review events need.</summary>
    public static readonly string[] LoopbackSettings =
    [
        "Ekyc:Engines:Documents=false",
        "Ekyc:Engines:Faces=false",
        "Ekyc:Engines:Screening=false",
        "Ekyc:Webhooks:AllowPrivateNetworks=true",
        "Ekyc:Webhooks:AllowHttp=true",
        "Ekyc:Webhooks:PollInterval=00:00:00.050",
        "Ekyc:Webhooks:Jitter=0",
    ];

    public WebhookReceiver Receiver { get; private set; } = null!;
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        Server = await TestServer.StartAsync(null, [.. LoopbackSettings, "Ekyc:Webhooks:RetrySchedule=100ms,100ms,100ms", "Ekyc:Webhooks:MaxConcurrencyPerEndpoint=2"]);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
