using System.Globalization;
using Ekyc.Fuzz;
using Ekyc.Fuzz.Targets;

namespace Ekyc.Bench;

/// <summary>
/// <c>fuzz [--target exif|…|all] [--seconds 60] [--seed 1] [--crashes artifacts/fuzz]</c>: runs fuzz targets for a time
/// budget each, prints executions, throughput, corpus and distinct crashes, and writes each crashing input (minimised) to a file.
/// Exit code 1 when anything crashed.
/// </summary>
public static class FuzzBench
{
    public static int Run(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var targetName = Arg("--target", "all");
        var seconds = double.Parse(Arg("--seconds", "60"), CultureInfo.InvariantCulture);
        var seed = ulong.Parse(Arg("--seed", "1"), CultureInfo.InvariantCulture);
        var crashFolder = Arg("--crashes", Path.Combine("artifacts", "fuzz"));
        var names = targetName == "all" ? FuzzTargets.Names : [targetName];

        Console.WriteLine($"fuzz: {seconds} s per target, seed {seed}");
        Console.WriteLine($"{"target",-10} {"execs",10} {"exec/s",9} {"seeds",6} {"seed bytes",11} {"slowest ms",11} {"crashes",8}");
        var reports = new List<FuzzReport>();
        foreach (var name in names)
        {
            var target = FuzzTargets.Get(name);
            var report = FuzzRunner.Run(target, TimeSpan.FromSeconds(seconds), seed: seed);
            reports.Add(report);
            Console.WriteLine($"{report.Target,-10} {report.Executions,10} {report.PerSecond,9:F0} {report.CorpusFiles,6} {report.CorpusBytes,11} " +
                              $"{report.SlowestMs,11:F1} {report.Crashes.Count,8}");
            var minimized = report.Crashes.Select(c => FuzzRunner.Minimize(target, c)).ToList();
            var saved = FuzzArtifacts.Save(crashFolder, target, minimized);
            foreach (var (crash, path) in minimized.Zip(saved))
                Console.WriteLine($"  {crash.Signature}: {crash.Message} → {path}");
        }
        Console.WriteLine($"{"total",-10} {reports.Sum(r => r.Executions),10} {"",9} {reports.Sum(r => r.CorpusFiles),6} {reports.Sum(r => r.CorpusBytes),11} " +
                          $"{"",11} {reports.Sum(r => r.Crashes.Count),8}");
        return reports.Any(r => r.Crashes.Count > 0) ? 1 : 0;
    }
}
