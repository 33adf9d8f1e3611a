namespace Ekyc.Server.Engines;

/// <summary>
/// Model work a request waits for (the capture page's document precheck, a challenge's pose check) runs here: one
/// process-wide slot per core, so a burst of page requests queues instead of starving the verification workers, and
/// off the request thread. Once started, the work is not abandoned when the client goes away: the slot is held until
/// the models are done, and a server shutting down waits for it.
/// </summary>
public sealed class RequestModelGate
{
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount);

    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(work, CancellationToken.None);
        }
        finally
        {
            _slots.Release();
        }
    }
}
