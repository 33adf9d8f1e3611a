using System.Diagnostics;
using Ekyc.Verification.Screening;
using Ekyc.Verification.Screening.Evaluation;
using Ekyc.Verification.Screening.Lists;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Bench;

/// <summary>
/// <c>screening [--data DIR] [--lists DIR] [--synthetic N] [--queries FILE] [--count N] [--runs 3]</c>: index build time,
/// managed memory and RSS, and per-query wall and thread-CPU median/p90/p99/max over the reference lists of the data folder
/// or, with <c>--lists</c>, a list store such as the repository's <c>lists/</c> (optionally with N synthetic person names added). Each run builds a fresh index, warms it up on queries of its own (so that the
/// measured queries meet compiled code but a cold token cache) and then measures a mix of exact, reordered,
/// typo, non-Latin and non-matching names; the summary gives the median of the runs.
/// </summary>
public static class ScreeningStopwatchBench
{
    private const int WarmUpQueries = 2_000;

    public static void Run(string[] args)
    {
        var data = Value(args, "--data") ?? Path.Combine(FindRepoRoot(), "tests", "data", "sanctions");
        var synthetic = int.Parse(Value(args, "--synthetic") ?? "0");
        var runs = int.Parse(Value(args, "--runs") ?? "3");
        var count = int.Parse(Value(args, "--count") ?? "10000");
        var queriesFile = Value(args, "--queries");
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var lists = Value(args, "--lists") is { } store ? LoadStore(store) : ReferenceLists.LoadFolder(data).ToList();
        var parseMs = watch.Elapsed.TotalMilliseconds;
        if (synthetic > 0)
        {
            lists.Add(SyntheticList(lists, synthetic));
        }
        var entities = lists.SelectMany(l => l.Entities).ToList();
        var queries = queriesFile is not null
            ? FileQueries(queriesFile).Select(q => (Category: "file", Query: q)).ToList()
            : QueryMix.Build(entities, NegativeFiles(data), count, seed: 1);
        var warmUp = QueryMix.Build(entities, [], WarmUpQueries, seed: 2);
        Console.WriteLine($"lists parsed in {parseMs:F0} ms; {entities.Count:N0} entities; {queries.Count:N0} measured queries: "
            + string.Join(", ", queries.GroupBy(q => q.Category).Select(g => $"{g.Key} {g.Count():N0}")));

        var results = new List<RunResult>();
        for (var run = 1; run <= runs; run++)
        {
            var result = Measure(lists, queries, warmUp, managedBefore);
            results.Add(result);
            Console.WriteLine($"run {run}: {result.Describe()}");
        }
        var median = RunResult.Median(results);
        Console.WriteLine($"median of {runs} runs: {median.Describe()}");
        foreach (var category in median.Categories)
        {
            Console.WriteLine($"  {category.Key,-12} {category.Value}");
        }
    }

    private static RunResult Measure(IReadOnlyList<LoadedList> lists, List<(string Category, ScreeningQuery Query)> queries,
        List<(string Category, ScreeningQuery Query)> warmUp, long managedBefore)
    {
        var listsMemory = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var index = ScreeningIndex.Build(lists);
        var buildMs = watch.Elapsed.TotalMilliseconds;
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        var options = new ScreeningOptions();
        // Two passes and a pause let the tiered JIT install optimised code before anything is timed.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var (_, q) in warmUp)
            {
                index.Search(q, options);
            }
            Thread.Sleep(300);
        }
        var wall = new Dictionary<string, List<double>> { ["all"] = [] };
        var cpu = new Dictionary<string, List<double>> { ["all"] = [] };
        var alerts = 0;
        foreach (var (category, q) in queries)
        {
            var cpuBefore = ThreadCpu.Milliseconds();
            watch.Restart();
            alerts += index.Search(q, options).Count > 0 ? 1 : 0;
            var wallMs = watch.Elapsed.TotalMilliseconds;
            var cpuMs = ThreadCpu.Milliseconds() - cpuBefore;
            foreach (var key in new[] { "all", category })
            {
                (wall.TryGetValue(key, out var w) ? w : wall[key] = []).Add(wallMs);
                (cpu.TryGetValue(key, out var c) ? c : cpu[key] = []).Add(cpuMs);
            }
        }
        using var process = Process.GetCurrentProcess();
        GC.KeepAlive(index);
        return new RunResult(index.NameCount, index.VocabularySize, buildMs, (managed - listsMemory) / 1048576.0, (managed - managedBefore) / 1048576.0,
            process.WorkingSet64 / 1048576.0, process.PeakWorkingSet64 / 1048576.0, alerts,
            wall.ToDictionary(p => p.Key, p => Latency.Of(p.Value, cpu[p.Key])));
    }

    /// <summary>Every list of a list store, as the server loads them, with each list's parse time.</summary>
    private static List<LoadedList> LoadStore(string folder)
    {
        var store = new ListStore(folder);
        var lists = new List<LoadedList>();
        foreach (var manifest in store.Manifests())
        {
            var watch = Stopwatch.StartNew();
            lists.Add(store.Load(manifest));
            Console.WriteLine($"  {manifest.Name}: {lists[^1].Entities.Count:N0} entities parsed in {watch.Elapsed.TotalMilliseconds:F0} ms");
        }
        return lists;
    }

    private static IEnumerable<string> NegativeFiles(string data)
    {
        var folder = Path.Combine(data, "benchmarks");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "yente_negatives_*.csv").Order(StringComparer.Ordinal) : [];
    }

    private static IEnumerable<ScreeningQuery> FileQueries(string path)
    {
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = QueryMix.SplitCsv(line);
            if (fields.Count >= 8)
            {
                yield return new ScreeningQuery(fields[0], BirthDate.ParseIso(fields[5]), fields[7]);
            }
        }
    }

    /// <summary>N people named from the real lists' given names and surnames, recombined at random (fixed seed).</summary>
    private static LoadedList SyntheticList(IReadOnlyList<LoadedList> lists, int count)
    {
        var persons = lists.SelectMany(l => l.Entities).Where(e => e.Kind == EntityKind.Person)
            .Select(e => e.PrimaryName.Replace(",", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(t => t.Length >= 2).ToList();
        var given = persons.Select(t => t[^1]).Distinct().ToArray();
        var family = persons.Select(t => t[0]).Distinct().ToArray();
        var random = new Random(42);
        var entities = new List<ScreeningEntity>(count);
        for (var i = 0; i < count; i++)
        {
            var name = random.Next(3) == 0
                ? $"{given[random.Next(given.Length)]} {given[random.Next(given.Length)]} {family[random.Next(family.Length)]}"
                : $"{given[random.Next(given.Length)]} {family[random.Next(family.Length)]}";
            entities.Add(new ScreeningEntity
            {
                Id = "syn-" + i,
                ListName = "synthetic",
                Kind = EntityKind.Person,
                Names = [new EntityName(name, NameKind.Primary)],
                BirthDates = [new BirthDate(1940 + random.Next(60), 1 + random.Next(12), 1 + random.Next(28))],
                Topics = [EntityTopics.Sanction],
            });
        }
        var manifest = new ListManifest { Name = "synthetic", Format = "synthetic", Files = [], EntityCount = count, LoadedAt = DateTimeOffset.UtcNow, Sha256 = "0000000000000000" };
        return new LoadedList(manifest, entities);
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ekyc.slnx")))
            {
                return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }

    /// <summary>Percentiles of one run's per-query wall and thread-CPU times, in milliseconds.</summary>
    private sealed record Latency(int Count, double Median, double P90, double P99, double Max, double CpuMedian, double CpuP90, double CpuP99, double CpuMax)
    {
        public static Latency Of(List<double> wall, List<double> cpu)
        {
            wall.Sort();
            cpu.Sort();
            return new Latency(wall.Count, QueryFileEvaluation.Percentile(wall, 0.5), QueryFileEvaluation.Percentile(wall, 0.9), QueryFileEvaluation.Percentile(wall, 0.99), wall[^1],
                QueryFileEvaluation.Percentile(cpu, 0.5), QueryFileEvaluation.Percentile(cpu, 0.9), QueryFileEvaluation.Percentile(cpu, 0.99), cpu[^1]);
        }

        public static Latency MedianOf(IReadOnlyList<Latency> runs) => new(runs[0].Count,
            Mid(runs.Select(r => r.Median)), Mid(runs.Select(r => r.P90)), Mid(runs.Select(r => r.P99)), Mid(runs.Select(r => r.Max)),
            Mid(runs.Select(r => r.CpuMedian)), Mid(runs.Select(r => r.CpuP90)), Mid(runs.Select(r => r.CpuP99)), Mid(runs.Select(r => r.CpuMax)));

        public override string ToString() =>
            $"n {Count,6:N0}  wall median {Median:F3} p90 {P90:F3} p99 {P99:F3} max {Max:F2} ms | CPU median {CpuMedian:F3} p90 {CpuP90:F3} p99 {CpuP99:F3} max {CpuMax:F2} ms";
    }

    private sealed record RunResult(int Names, int Tokens, double BuildMs, double IndexMiB, double ManagedMiB, double RssMiB, double PeakRssMiB, int Alerts,
        Dictionary<string, Latency> Categories)
    {
        public static RunResult Median(IReadOnlyList<RunResult> runs) => new(runs[0].Names, runs[0].Tokens,
            Mid(runs.Select(r => r.BuildMs)), Mid(runs.Select(r => r.IndexMiB)), Mid(runs.Select(r => r.ManagedMiB)), Mid(runs.Select(r => r.RssMiB)),
            Mid(runs.Select(r => r.PeakRssMiB)), runs[0].Alerts,
            runs[0].Categories.Keys.ToDictionary(k => k, k => Latency.MedianOf(runs.Select(r => r.Categories[k]).ToList())));

        public string Describe() =>
            $"{Names:N0} names, {Tokens:N0} tokens; index build {BuildMs:F0} ms; index {IndexMiB:F0} MiB, managed total {ManagedMiB:F0} MiB, "
            + $"RSS {RssMiB:F0} MiB (peak {PeakRssMiB:F0}); alerts {Alerts:N0}; {Categories["all"]}";
    }

    private static double Mid(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
