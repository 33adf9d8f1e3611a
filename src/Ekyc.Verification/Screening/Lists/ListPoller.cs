namespace Ekyc.Verification.Screening.Lists;

/// <summary>
/// Polls the list store and swaps in changed lists: the host creates one after the first
/// <see cref="ScreeningService.Reload"/> and disposes it at shutdown. Polling (rather than a file watcher) also
/// notices lists replaced on network or container-mounted folders, where change events are unreliable.
/// </summary>
public sealed class ListPoller : IDisposable
{
    private readonly ScreeningService _service;
    private readonly Action<ReloadReport>? _onReload;
    private readonly Timer _timer;
    private int _running;

    public ListPoller(ScreeningService service, TimeSpan interval, Action<ReloadReport>? onReload = null)
    {
        _service = service;
        _onReload = onReload;
        _timer = new Timer(_ => Poll(), null, interval, interval);
    }

    public void Dispose() => _timer.Dispose();

    private void Poll()
    {
        // A slow reload must not pile up behind itself.
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }
        try
        {
            var report = _service.ReloadIfChanged();
            if (report.Swapped || report.Errors.Count > 0)
            {
                _onReload?.Invoke(report);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            _onReload?.Invoke(new ReloadReport(false, _service.Index.Version, _service.Index.EntityCount, [], [ex.Message]));
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
