using Ekyc.Server.Auth;
using Ekyc.Server.Options;
using Ekyc.Server.Sandbox;
using Ekyc.Server.Telemetry;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Webhooks;

/// <summary>
/// Delivers the outbox. One loop fans new events out into delivery rows; <c>Concurrency</c> loops claim due
/// deliveries with a lease, send them signed, and record every attempt with the next retry time. Nothing is
/// held in memory between attempts, so pending retries survive a restart, and a dispatcher that dies
/// mid-request only delays the delivery until its lease runs out (at-least-once, stable <c>webhook-id</c>).
/// </summary>
public sealed partial class WebhookDispatcher(
    WebhookQueue queue, WebhookSender sender, WebhookSignal signal, SandboxDeliveries sandbox, EkycMetrics metrics,
    IOptions<EkycOptions> options, TimeProvider time, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly string _dispatcherId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    private readonly IReadOnlyList<TimeSpan> _schedule = options.Value.Webhooks.Schedule;

    private WebhookOptions Settings => options.Value.Webhooks;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Settings.Concurrency).Select(i => DeliveryLoopAsync($"{_dispatcherId}#{i}", stoppingToken))
            .Append(FanOutLoopAsync(stoppingToken)));

    private async Task FanOutLoopAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var consumed = 0;
            try
            {
                consumed = await queue.FanOutAsync(Settings.FanOutBatchSize, stoppingToken);
                if (consumed > 0)
                    signal.Notify(Settings.Concurrency);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFanOutFailed(logger, e);
            }
            // A full batch means more are waiting: go on without sleeping.
            if (consumed < Settings.FanOutBatchSize)
                await DelayAsync(Settings.PollInterval, stoppingToken);
        }
    }

    private async Task DeliveryLoopAsync(string worker, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            ClaimedDelivery? delivery = null;
            try
            {
                delivery = await queue.ClaimAsync(worker, Settings.Lease, Settings.MaxConcurrencyPerEndpoint, stoppingToken);
                if (delivery is null)
                {
                    await signal.WaitAsync(Settings.PollInterval, stoppingToken);
                    continue;
                }
                await DeliverAsync(delivery, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                if (delivery is not null)
                    await queue.ReleaseAsync(delivery);
            }
            catch (Exception e)
            {
                // The lease stays, so the delivery is tried again once it runs out rather than in a tight loop.
                LogDeliveryError(logger, e, delivery?.Id);
                await DelayAsync(Settings.PollInterval, stoppingToken);
            }
        }
    }

    private async Task DeliverAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        var attempts = delivery.Attempts + 1;
        // Null for a live event (no lookup); a test event follows the sandbox's schedule and may fail its first attempts on purpose.
        var test = Modes.IsLive(delivery.Mode) ? null : await sandbox.PlanAsync(delivery.EventId, attempts, cancellationToken);
        if (await queue.PrepareAsync(delivery, cancellationToken) is not { } prepared)
            return;
        var (body, keys) = prepared;

        var started = time.GetUtcNow();
        var outcome = await sender.SendAsync(delivery.Url, delivery.EventId, body, keys, started, cancellationToken, test?.Header);
        if (test is { SimulatesFailure: true })
            outcome = SandboxDeliveries.Fail(outcome);
        var next = outcome.Succeeded || outcome.Gone || outcome.Permanent || !delivery.AutoRetry ? null
            : RetrySchedule.NextAttempt(test?.Schedule ?? _schedule, attempts, time.GetUtcNow(), test is null ? Settings.Jitter : 0, outcome.RetryAfter,
                Settings.MaxRetryAfter, Random.Shared);
        var status = outcome.Succeeded ? WebhookDelivery.Succeeded : next is null ? WebhookDelivery.Failed : WebhookDelivery.Pending;
        // The attempt happened: record it even if shutdown started meanwhile.
        if (!await queue.RecordAttemptAsync(delivery, started, outcome, status, next, CancellationToken.None))
        {
            LogLeaseLost(logger, delivery.Id, delivery.Worker);
            return;
        }
        metrics.WebhookAttempt(outcome.Succeeded ? "succeeded" : outcome.Gone ? "gone" : next is null ? "failed" : "retrying", delivery.EndpointId is null);
        if (outcome.Succeeded)
            return;
        if (outcome.Gone)
            LogGone(logger, delivery.Id, delivery.EndpointId ?? WebhookDelivery.SessionTarget);
        else
            LogAttemptFailed(logger, delivery.Id, attempts, outcome.StatusCode, outcome.Error, next);
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook fan-out failed; it is retried at the next poll")]
    private static partial void LogFanOutFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} failed unexpectedly; it is retried when its lease runs out")]
    private static partial void LogDeliveryError(ILogger logger, Exception exception, string? deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId}: dispatcher {Worker} lost its lease; the attempt is logged, the state left to the new holder")]
    private static partial void LogLeaseLost(ILogger logger, string deliveryId, string worker);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId}: receiver answered 410 Gone; {Target} is disabled")]
    private static partial void LogGone(ILogger logger, string deliveryId, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} attempt {Attempt} failed ({StatusCode} {Error}); next attempt at {NextAttemptAt}")]
    private static partial void LogAttemptFailed(ILogger logger, string deliveryId, int attempt, int? statusCode, string? error, DateTimeOffset? nextAttemptAt);
}
