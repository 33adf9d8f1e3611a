using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Ekyc.Bench.ScaleOut;

/// <summary>
/// One real server process (the built <c>Ekyc.Server</c> executable) on its own loopback port, configured by
/// environment variables like a container would be; its output goes to a log file. It can be SIGKILLed and
/// started again on the same port and data folder.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    // Servers still running when the tool is stopped (Ctrl+C, SIGTERM) are killed with it, never left behind; then
    // the tool exits (a throwaway cluster's shell sees its stdin close and stops the cluster).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ServerProcess, byte> Live = new();

    private static readonly PosixSignalRegistration[] Signals =
        [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }.Select(s => PosixSignalRegistration.Create(s, _ =>
        {
            KillAll();
            Environment.Exit(130);
        }))];

    static ServerProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    private static void KillAll()
    {
        foreach (var server in Live.Keys)
            server._process?.Kill();
    }

    private readonly string _executable;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _logPath;
    private Process? _process;
    private TimeSpan _earlierLives;

    public ServerProcess(string name, string executable, string dataPath, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        _executable = executable;
        DataPath = dataPath;
        _environment = environment;
        _logPath = Path.Combine(dataPath, "server.log");
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
        Directory.CreateDirectory(dataPath);
    }

    public string Name { get; }
    public string DataPath { get; }
    public Uri Address { get; }
    public bool IsRunning => _process is { HasExited: false };
    public int ProcessId => _process?.Id ?? 0;

    /// <summary>
    /// User and system CPU time the node has used so far (read from <c>/proc/PID/stat</c> on Linux), its lives before a
    /// kill included.
    /// </summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            if (_process is not { HasExited: false })
                return _earlierLives;
            _process.Refresh();
            return _earlierLives + _process.TotalProcessorTime;
        }
    }

    public void Start()
    {
        var dll = _executable.EndsWith(".dll", StringComparison.Ordinal);
        var start = new ProcessStartInfo(dll ? "dotnet" : _executable)
        {
            WorkingDirectory = Path.GetDirectoryName(_executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (dll)
            start.ArgumentList.Add(_executable);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Address.ToString());
        foreach (var (key, value) in _environment)
            start.Environment[key] = value;
        start.Environment["Ekyc__DataPath"] = DataPath;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_executable}.");
        Live[this] = 0;
        var log = new StreamWriter(_logPath, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
            return;
        lock (log)
            log.WriteLine(line);
    }

    /// <summary>Waits until <c>/health</c> answers 200 (migrations and bootstrap done).</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!IsRunning)
                throw new InvalidOperationException($"{Name} exited with code {_process?.ExitCode}; see {_logPath}.");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{Name} did not become healthy in {timeout}; see {_logPath}.");
    }

    /// <summary>SIGKILL: no shutdown hooks, no lease release, no flushing — a crashed node.</summary>
    public void Kill()
    {
        _earlierLives = ProcessorTime;
        _process?.Kill();
        _process?.WaitForExit();
    }

    /// <summary>Ends the process after the run (the measurement is over; how it stops no longer matters).</summary>
    public async ValueTask DisposeAsync()
    {
        Live.TryRemove(this, out _);
        if (_process is null)
            return;
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
