using BenchmarkDotNet.Running;

namespace Ekyc.Bench;

public static class BenchProgram
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "screening")
        {
            ScreeningStopwatchBench.Run(args);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
    }
}
