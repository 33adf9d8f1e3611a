using System.Globalization;
using Ekyc.Fuzz.Targets;
using Xunit.Abstractions;

namespace Ekyc.Fuzz.Tests;

/// <summary>
/// Every target runs for a bounded time (<c>EKYC_FUZZ_SECONDS</c> per target, default 1; <c>EKYC_FUZZ_SEED</c>,
/// default 1) and must not crash. A crash fails the test with its signature, and its minimised input is written under
/// the test output folder (<c>fuzz-crashes/&lt;target&gt;/</c>) to be added to <c>tests/data/fuzz/&lt;target&gt;/</c>.
/// Longer runs: <c>dotnet run -c Release --project bench/Ekyc.Bench -- fuzz --target exif --seconds 60</c>.
/// </summary>
public sealed class FuzzBudgetTests(ITestOutputHelper output)
{
    private static readonly double Seconds = double.Parse(Environment.GetEnvironmentVariable("EKYC_FUZZ_SECONDS") ?? "1", CultureInfo.InvariantCulture);
    private static readonly ulong Seed = ulong.Parse(Environment.GetEnvironmentVariable("EKYC_FUZZ_SEED") ?? "1", CultureInfo.InvariantCulture);

    public static TheoryData<string> Targets => [.. FuzzTargets.Names];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Garbage_gets_a_reasoned_answer_never_an_exception(string name)
    {
        var target = FuzzTargets.Get(name);

        var report = FuzzRunner.Run(target, TimeSpan.FromSeconds(Seconds), seed: Seed);

        output.WriteLine($"{name}: {report.Executions} executions in {report.Elapsed.TotalSeconds:F1} s ({report.PerSecond:F0}/s), " +
                         $"corpus {report.CorpusFiles} files / {report.CorpusBytes} bytes, slowest {report.SlowestMs:F1} ms, seed {Seed}");
        Assert.True(report.Executions > target.Corpus.Seeds.Count, "no mutated input ran");
        if (report.Crashes.Count == 0)
            return;
        var minimized = report.Crashes.Select(c => FuzzRunner.Minimize(target, c)).ToList();
        var saved = FuzzArtifacts.Save(Path.Combine(AppContext.BaseDirectory, "fuzz-crashes"), target, minimized);
        Assert.Fail(string.Join("\n", minimized.Zip(saved).Select(p => $"{p.First.Signature}: {p.First.Message}\n  input ({p.First.Input.Length} bytes): {p.Second}")));
    }
}
