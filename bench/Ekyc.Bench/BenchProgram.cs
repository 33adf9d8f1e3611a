using BenchmarkDotNet.Running;

namespace Ekyc.Bench;

/// <summary>
/// <c>http</c> runs the HTTP load driver against an in-process server, <c>screening</c> the screening stopwatch
/// bench, <c>scaleout</c> the multi-process crash test on PostgreSQL; anything else goes to BenchmarkDotNet.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "http")
            return await HttpLoad.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "screening")
        {
            ScreeningStopwatchBench.Run(args);
            return 0;
        }
        if (args.Length > 0 && args[0] == "scaleout")
            return await ScaleOut.ScaleOutBenchmark.RunAsync(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
        return 0;
    }
}
