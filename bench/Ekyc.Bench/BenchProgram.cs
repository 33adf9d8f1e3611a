using BenchmarkDotNet.Running;

namespace Ekyc.Bench;

public static class BenchProgram
{
    public static void Main(string[] args)
    {
        if (args is ["documents", ..])
            DocumentBench.Run(args[1..]);
        else if (args is ["documents-accuracy", ..])
            DocumentAccuracyBench.Run(args[1..]);
        else
            BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args);
    }
}
