using System.Diagnostics;
using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;

namespace Ekyc.Fuzz;

/// <summary>A distinct crash: the exception type and where it was thrown, with the first input that caused it.</summary>
public sealed record FuzzCrash(string Signature, string Message, byte[] Input)
{
    public string InputHash => Convert.ToHexStringLower(SHA256.HashData(Input))[..12];
}

/// <summary>What one run measured.</summary>
public sealed record FuzzReport(string Target, long Executions, TimeSpan Elapsed, int CorpusFiles, long CorpusBytes,
    IReadOnlyList<FuzzCrash> Crashes, double SlowestMs)
{
    public double PerSecond => Executions / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Runs a target's generated inputs through its oracle until a time or execution budget is spent. Inputs come in
/// batches from FsCheck with seeds derived from one run seed, so a run (and every crash in it) is reproducible.
/// </summary>
public static class FuzzRunner
{
    private const int BatchSize = 32;
    private const int Size = 100;

    public static FuzzReport Run(FuzzTarget target, TimeSpan budget, long maxExecutions = long.MaxValue, ulong seed = 1)
    {
        var crashes = new Dictionary<string, FuzzCrash>();
        var clock = Stopwatch.StartNew();
        long executions = 0;
        var slowest = 0.0;
        void Once(byte[] input)
        {
            var started = clock.Elapsed.TotalMilliseconds;
            if (Execute(target, input) is { } crash)
                crashes.TryAdd(crash.Signature, crash);
            slowest = Math.Max(slowest, clock.Elapsed.TotalMilliseconds - started);
            executions++;
        }

        // The seeds themselves first, whatever the budget: a parser that fails on valid input fails here.
        foreach (var input in target.Corpus.Seeds)
            Once(input);
        var seeded = executions;
        foreach (var input in Batches(target.Inputs, seed).SelectMany(batch => batch))
        {
            // At least one mutated input, however slow the seeds were.
            if (executions > seeded && (clock.Elapsed >= budget || executions >= maxExecutions))
                break;
            Once(input);
        }
        return new FuzzReport(target.Name, executions, clock.Elapsed, target.Corpus.Seeds.Count, target.Corpus.Bytes, [.. crashes.Values], slowest);
    }

    /// <summary>The crash an input causes, or null when the target answered.</summary>
    public static FuzzCrash? Execute(FuzzTarget target, byte[] input)
    {
        try
        {
            target.Check(input);
            return null;
        }
        catch (Exception e)
        {
            return new FuzzCrash(Signature(e), $"{e.GetType().Name}: {e.Message}", input);
        }
    }

    /// <summary>
    /// A smaller input with the same crash signature: cuts ever smaller chunks out of it while the crash stays, within an
    /// execution budget. Regression files stay small and point at the cause.
    /// </summary>
    public static FuzzCrash Minimize(FuzzTarget target, FuzzCrash crash, int maxExecutions = 2000)
    {
        var best = crash;
        var executions = 0;
        for (var chunk = best.Input.Length / 2; chunk >= 1 && executions < maxExecutions; chunk /= 2)
        {
            for (var at = 0; at + chunk <= best.Input.Length && executions < maxExecutions;)
            {
                byte[] candidate = [.. best.Input.AsSpan(0, at), .. best.Input.AsSpan(at + chunk)];
                executions++;
                if (Execute(target, candidate) is { } smaller && smaller.Signature == crash.Signature)
                    best = smaller;
                else
                    at += chunk;
            }
        }
        return best;
    }

    private static IEnumerable<IReadOnlyList<byte[]>> Batches(Gen<byte[]> inputs, ulong seed)
    {
        for (var i = 0UL; ; i++)
            yield return inputs.Sample(Size, new Rnd(seed * 0x9E3779B97F4A7C15UL + i), BatchSize);
    }

    /// <summary>Exception type and the innermost frame of our own code: one bug, one signature, however many inputs hit it.</summary>
    private static string Signature(Exception e)
    {
        var frame = new StackTrace(e, fNeedFileInfo: false).GetFrames()
            .Select(f => f.GetMethod())
            .FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("Ekyc.", StringComparison.Ordinal) == true);
        return $"{e.GetType().Name} at {frame?.DeclaringType?.FullName}.{frame?.Name}";
    }
}
