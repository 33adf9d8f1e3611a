using Ekyc.Server.Auth;
using Ekyc.Server.Tests.Infrastructure;
using Ekyc.Server.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Server.Tests.Sandbox;

/// <summary>
/// A server whose engines are off (a live session can only end in manual_review, so any other decision came from the
/// sandbox), allowed to deliver to a real loopback receiver, with the default sandbox retry schedule; and a test key of
/// the initial tenant, whose live key is <see cref="TestServer.ApiKey"/>.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public WebhookReceiver Receiver { get; private set; } = null!;
    public TestServer Server { get; private set; } = null!;
    public string TestKey { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        Server = await TestServer.StartAsync(null, WebhookFixture.LoopbackSettings);
        (_, TestKey) = await Server.Services.GetRequiredService<ApiKeys>().CreateKeyAsync(Bootstrap.DefaultTenant, livemode: false);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Receiver.DisposeAsync();
    }
}
