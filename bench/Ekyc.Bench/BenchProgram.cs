using BenchmarkDotNet.Running;

namespace Ekyc.Bench;

/// <summary>
/// Stopwatch benches by name (<c>http</c>, <c>pipeline</c>, <c>documents</c>, <c>documents-accuracy</c>, <c>recapture</c>, <c>liveness</c>, <c>liveness-active</c>, <c>liveness-challenges</c>, <c>liveness-selfies</c>, <c>portrait-size</c>, <c>mrz-boxes</c>, <c>screening</c>,
/// <c>scaleout</c>: the multi-process crash test on PostgreSQL; <c>fuzz</c>: the parsers' fuzz targets; <c>attacks</c>: costly requests
/// against a running server; <c>decisions</c>: the labelled decision set through the real server; <c>console</c>: the review console's
/// pages); anything else goes to BenchmarkDotNet (e.g. <c>--filter *Face*</c>).
/// </summary>
public static class BenchProgram
{
    private static Func<string[], Task<int>> Sync(Action<string[]> run) => args =>
    {
        run(args);
        return Task.FromResult(0);
    };

    /// <summary>Each bench by name, given the arguments after its name.</summary>
    private static readonly Dictionary<string, Func<string[], Task<int>>> Benches = new()
    {
        ["http"] = HttpLoad.RunAsync,
        ["pipeline"] = PipelineLoad.RunAsync,
        ["documents"] = Sync(DocumentBench.Run),
        ["documents-accuracy"] = Sync(DocumentAccuracyBench.Run),
        ["mrz-boxes"] = Sync(Documents.MrzBoxBench.Run),
        ["ocr-int8"] = Sync(Quantization.OcrInt8Bench.Run),
        ["recapture"] = Sync(RecaptureBench.Run),
        // The screening bench reads its options from the whole command line.
        ["screening"] = args => Sync(ScreeningStopwatchBench.Run)(["screening", .. args]),
        ["decisions"] = Decisions.DecisionBench.RunAsync,
        ["console"] = ConsoleBench.RunAsync,
        ["portrait-size"] = Sync(Faces.PortraitSizeBench.Run),
        ["fuzz"] = args => Task.FromResult(FuzzBench.Run(args)),
        ["attacks"] = Attacks.AttackBench.RunAsync,
        ["liveness"] = Sync(Liveness.LivenessBench.Run),
        ["liveness-active"] = Sync(Liveness.ActiveLivenessBench.Run),
        ["liveness-selfies"] = Sync(Liveness.SelfieClassBench.Run),
        ["liveness-challenges"] = Sync(Liveness.ChallengeSetBench.Run),
        ["scaleout"] = ScaleOut.ScaleOutBenchmark.RunAsync,
    };

    public static async Task<int> Main(string[] args)
    {
        // The benches read only the options they know, so a help flag would otherwise start a run of many minutes.
        if (args.Any(a => a is "--help" or "-h"))
        {
            Console.WriteLine($"usage: dotnet run -c Release --project bench/Ekyc.Bench -- <{string.Join("|", Benches.Keys)}> [options]");
            Console.WriteLine("Each bench's options and what it measures: README.md, section Benchmarks. Anything else goes to BenchmarkDotNet.");
            return 0;
        }
        if (args.Length > 0 && Benches.TryGetValue(args[0], out var bench))
            return await bench(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }
}
