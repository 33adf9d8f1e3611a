using System.Diagnostics;
using Ekyc.Verification.Screening;
using Ekyc.Verification.Screening.Evaluation;
using Ekyc.Verification.Screening.Lists;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Bench;

/// <summary>
/// <c>screening [--data DIR] [--synthetic N] [--queries FILE]</c>: index build time, per-query median/p99 and managed
/// memory for the bundled lists, optionally with N synthetic person names added.
/// </summary>
public static class ScreeningStopwatchBench
{
    public static void Run(string[] args)
    {
        var data = Value(args, "--data") ?? Path.Combine(FindRepoRoot(), "tests", "data", "sanctions");
        var synthetic = int.Parse(Value(args, "--synthetic") ?? "0");
        var queriesFile = Value(args, "--queries");
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var lists = ReferenceLists.LoadFolder(data).ToList();
        var loadMs = watch.ElapsedMilliseconds;
        if (synthetic > 0)
        {
            lists.Add(SyntheticList(lists, synthetic));
        }
        watch.Restart();
        var index = ScreeningIndex.Build(lists);
        var buildMs = watch.ElapsedMilliseconds;
        var memory = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"entities {index.EntityCount}, names {index.NameCount}, tokens {index.VocabularySize}; parse {loadMs} ms (lists), index build {buildMs} ms; managed memory {memory / 1048576.0:F0} MiB");

        var options = new ScreeningOptions();
        var queries = LoadQueries(queriesFile, data);
        foreach (var q in queries.Take(200))
        {
            index.Search(q, options);
        }
        var times = new List<double>(queries.Count);
        var cpuTimes = new List<double>(queries.Count);
        var slowest = new List<(double Ms, string Name)>();
        var alerts = 0;
        foreach (var q in queries)
        {
            watch.Restart();
            var cpuBefore = ThreadCpu.Milliseconds();
            alerts += index.Search(q, options).Count > 0 ? 1 : 0;
            cpuTimes.Add(ThreadCpu.Milliseconds() - cpuBefore);
            times.Add(watch.Elapsed.TotalMilliseconds);
            slowest.Add((watch.Elapsed.TotalMilliseconds, q.Name));
        }
        times.Sort();
        cpuTimes.Sort();
        foreach (var (ms, name) in slowest.OrderByDescending(p => p.Ms).Take(Value(args, "--slowest") is { } n ? int.Parse(n) : 0))
        {
            watch.Restart();
            index.Search(new ScreeningQuery(name + " "), options);
            Console.WriteLine($"  slow: {ms:F2} ms (again: {watch.Elapsed.TotalMilliseconds:F2} ms) {name}");
        }
        Console.WriteLine($"queries {queries.Count} (alerts {alerts}): median {QueryFileEvaluation.Percentile(times, 0.5):F3} ms, p90 {QueryFileEvaluation.Percentile(times, 0.9):F3} ms, p99 {QueryFileEvaluation.Percentile(times, 0.99):F3} ms, max {times[^1]:F3} ms (wall); thread CPU: median {QueryFileEvaluation.Percentile(cpuTimes, 0.5):F3} ms, p99 {QueryFileEvaluation.Percentile(cpuTimes, 0.99):F3} ms");
    }

    private static List<ScreeningQuery> LoadQueries(string? file, string data)
    {
        var files = file is not null ? [file] : Directory.GetFiles(Path.Combine(data, "benchmarks"), "yente_*.csv");
        var queries = new List<ScreeningQuery>();
        foreach (var path in files)
        {
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var fields = SplitCsv(line);
                if (fields.Count >= 8)
                {
                    queries.Add(new ScreeningQuery(fields[0], BirthDate.ParseIso(fields[5]), fields[7]));
                }
            }
        }
        return queries;
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

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
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
}
