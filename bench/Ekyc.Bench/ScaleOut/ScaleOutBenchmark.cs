using System.Text.Json;

namespace Ekyc.Bench.ScaleOut;

/// <summary>
/// <c>scaleout [--sessions N] [--processes 3] [--concurrency 8] [--postgres CONNECTION] [--no-baseline] [--no-engines] [--realistic N]</c>:
/// runs the built server as separate processes on one PostgreSQL database (EKYC_TEST_POSTGRES or --postgres, else a
/// throwaway cluster), as 1 process, as N processes, then as N processes with one of them SIGKILLed mid-run and restarted, and
/// prints wall time, sessions per minute, submit→decision percentiles and the servers' CPU-seconds per session, failing
/// when a guarantee broke. <c>--realistic N</c> uploads the realistic set (N per kind and capture; ID cards front and back)
/// instead of the drawn card and selfie.
/// </summary>
public static class ScaleOutBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sessions = Arg(args, "--sessions", 200);
        var processes = Arg(args, "--processes", 3);
        var concurrency = Arg(args, "--concurrency", 8);
        var root = RepositoryRoot();
        var executable = FindServer(root);
        var postgres = Value(args, "--postgres") ?? Environment.GetEnvironmentVariable("EKYC_TEST_POSTGRES");
        using var throwaway = string.IsNullOrEmpty(postgres) ? await ThrowawayPostgres.StartAsync(root) : null;
        postgres = throwaway?.ConnectionString ?? postgres!;
        Console.WriteLine($"server: {executable}");

        // Made before the clock starts: encoding is the client's work, not the server's.
        IReadOnlyList<ScaleOutCapture> captures = Value(args, "--realistic") is { } perCell
            ? [.. Documents.RealisticDocuments.Load(int.Parse(perCell)).Select(d => new ScaleOutCapture(d.DocumentType, d.Front, d.Back, d.Selfie))]
            : [.. Enumerable.Range(1, 16).Select(i => new ScaleOutCapture("id_card", SyntheticImages.Document(i), null, SyntheticImages.Selfie(i)))];
        Console.WriteLine($"captures: {captures.Count} {(args.Contains("--realistic") ? "of the realistic set" : "drawn cards and selfies")}");
        var engines = !args.Contains("--no-engines");
        Console.WriteLine(engines ? "engines: as configured (all on by default)" : "engines: off (checks not_run; the coordination path only)");
        var run = new ScaleOutRun(postgres, executable, captures, engines);
        var results = new List<RunResult>();
        // Scaling and recovery apart: 1 process, N processes undisturbed, then N processes with one killed.
        if (processes > 1 && !args.Contains("--no-baseline"))
        {
            results.Add(await run.ExecuteAsync(1, sessions, concurrency, killOne: false));
            results.Add(await run.ExecuteAsync(processes, sessions, concurrency, killOne: false));
        }
        results.Add(await run.ExecuteAsync(processes, sessions, concurrency, killOne: processes > 1));

        Console.WriteLine();
        Console.WriteLine("| processes | sessions | wall s | sessions/min | submit→decision p50 ms | p95 ms | server CPU-s/session | cores busy | client retries | killed | jobs it held | engine re-runs | completed webhooks (re-sent) | outcome |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Processes} | {r.Sessions} | {r.WallSeconds:F1} | {r.SessionsPerMinute:F0} | {r.P50Milliseconds:F0} | {r.P95Milliseconds:F0} | {r.CpuSecondsPerSession:F2} | {r.CoresBusy:P0} | {r.Retries} | " +
                $"{r.Killed ?? "-"} | {r.JobsHeldByKilled} | {r.EngineReruns} | {r.CompletedWebhooks} ({r.WebhookRedeliveries}) | {string.Join(", ", r.Statuses.Select(s => $"{s.Key} {s.Value}"))} |");
        Console.WriteLine();
        Console.WriteLine(JsonSerializer.Serialize(results, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true }));
        var violations = results.SelectMany(r => r.Violations.Select(v => $"{r.Processes} processes: {v}")).ToList();
        foreach (var violation in violations)
            Console.Error.WriteLine("VIOLATION " + violation);
        Console.WriteLine(violations.Count == 0 ? "All guarantees held." : $"{violations.Count} guarantee(s) broken.");
        return violations.Count == 0 ? 0 : 1;
    }

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Ekyc.slnx")))
                return folder.FullName;
        throw new InvalidOperationException("Run from inside the repository (Ekyc.slnx not found above the tool).");
    }

    /// <summary>The server built with this tool (Release, as <c>dotnet run -c Release</c> builds its references): the apphost, else the dll.</summary>
    private static string FindServer(string root)
    {
        var output = Path.Combine(root, "src", "Ekyc.Server", "bin", "Release");
        var candidates = Directory.Exists(output)
            ? Directory.GetFiles(output, "Ekyc.Server", SearchOption.AllDirectories).Concat(Directory.GetFiles(output, "Ekyc.Server.dll", SearchOption.AllDirectories))
            : [];
        return candidates.OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new InvalidOperationException($"No built server under {output}: run 'dotnet build -c Release src/Ekyc.Server' first.");
    }

    private static int Arg(string[] args, string name, int fallback) => Value(args, name) is { } value ? int.Parse(value) : fallback;

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
