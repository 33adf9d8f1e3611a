namespace Ekyc.Server.Jobs;

/// <summary>Wakes idle workers when a job is enqueued. Only a hint: the jobs table is the queue.</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public void Notify() => _signal.Release();

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
