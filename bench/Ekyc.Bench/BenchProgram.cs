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
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["http", ..]:
                return await HttpLoad.RunAsync(args[1..]);
            case ["pipeline", ..]:
                return await PipelineLoad.RunAsync(args[1..]);
            case ["documents", ..]:
                DocumentBench.Run(args[1..]);
                return 0;
            case ["recapture", ..]:
                RecaptureBench.Run(args[1..]);
                return 0;
            case ["liveness-challenges", ..]:
                Liveness.ChallengeSetBench.Run(args[1..]);
                return 0;
            case ["liveness-active", ..]:
                Liveness.ActiveLivenessBench.Run(args[1..]);
                return 0;
            case ["liveness-selfies", ..]:
                Liveness.SelfieClassBench.Run(args[1..]);
                return 0;
            case ["liveness", ..]:
                Liveness.LivenessBench.Run(args[1..]);
                return 0;
            case ["ocr-int8", ..]:
                Quantization.OcrInt8Bench.Run(args[1..]);
                return 0;
            case ["mrz-boxes", ..]:
                Documents.MrzBoxBench.Run(args[1..]);
                return 0;
            case ["portrait-size", ..]:
                Faces.PortraitSizeBench.Run(args[1..]);
                return 0;
            case ["documents-accuracy", ..]:
                DocumentAccuracyBench.Run(args[1..]);
                return 0;
            case ["screening", ..]:
                ScreeningStopwatchBench.Run(args);
                return 0;
            case ["attacks", ..]:
                return await Attacks.AttackBench.RunAsync(args[1..]);
            case ["fuzz", ..]:
                return FuzzBench.Run(args[1..]);
            case ["decisions", ..]:
                return await Decisions.DecisionBench.RunAsync(args[1..]);
            case ["console", ..]:
                return await ConsoleBench.RunAsync(args[1..]);
            case ["scaleout", ..]:
                return await ScaleOut.ScaleOutBenchmark.RunAsync(args[1..]);
            default:
                BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
                return 0;
        }
    }
}
