namespace Ekyc.Server.Webhooks;

/// <summary>Wakes idle delivery loops (new fan-out, a manual retry). Only a hint: the deliveries table is the queue.</summary>
public sealed class WebhookSignal
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public void Notify(int count = 1) => _signal.Release(count);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _signal.WaitAsync(timeout, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
