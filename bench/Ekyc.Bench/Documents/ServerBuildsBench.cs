using System.Net.Http.Headers;
using Ekyc.Bench.ScaleOut;

namespace Ekyc.Bench.Documents;

/// <summary>
/// The realistic set against several builds of the server (say the commit before a speed-up and this one), each its own
/// process on its own data folder, driven over the public API by one client and interleaved capture by capture, so every
/// build sees the same minutes of a shared machine: submit→decision median and p95 one session at a time, then per row a
/// burst submitted at once: the server process's CPU-seconds per verification, the cores it kept busy and the
/// verifications decided per minute. The first build is "before", the last "after"; their ratio is printed per row.
/// </summary>
internal static class ServerBuildsBench
{
    private sealed record Build(ServerProcess Server, HttpClient Client);

    private sealed record Burst(double CpuSeconds, double WallSeconds, int Count);

    public static async Task RunAsync(IReadOnlyList<string> executables, RealisticDocument reference, int rounds, int perCell, int burst)
    {
        var items = new List<RealisticDocument> { reference };
        items.AddRange(RealisticDocuments.Load(perCell));
        var builds = new List<Build>();
        try
        {
            foreach (var executable in executables)
                builds.Add(await StartAsync(executable, builds.Count));
            foreach (var build in builds)
                foreach (var item in items)
                    await VerifyAsync(build.Client, item); // warm-up: JIT, ONNX arenas at every size

            var groups = items.GroupBy(i => i.Group).Select(g => g.ToList()).ToList();
            var latencies = builds.Select(_ => groups.Select(_ => new List<double>()).ToList()).ToList();
            var statuses = builds.Select(_ => groups.Select(_ => new List<string>()).ToList()).ToList();
            var bursts = builds.Select(_ => groups.Select(_ => new List<Burst>()).ToList()).ToList();
            for (var r = 0; r < rounds; r++)
            {
                // Each capture goes to every build in turn, the order flipped from one turn to the next.
                var turn = 0;
                for (var g = 0; g < groups.Count; g++)
                    foreach (var item in groups[g])
                        foreach (var b in Turns(builds.Count, turn++))
                        {
                            var (ms, status) = await VerifyAsync(builds[b].Client, item);
                            latencies[b][g].Add(ms);
                            statuses[b][g].Add(status);
                        }
                for (var g = 0; g < groups.Count; g++)
                    foreach (var b in Turns(builds.Count, turn++))
                        bursts[b][g].Add(await BurstAsync(builds[b], [.. Enumerable.Range(0, burst).Select(i => groups[g][i % groups[g].Count])]));
                Console.WriteLine($"round {r + 1}: realistic set CPU-seconds per verification {Steps(bursts.Select(b => SetCpu(b.Skip(1).Select(g => g[r]))), "F2")}, load average {LoadAverage()}");
            }

            Console.WriteLine();
            Console.WriteLine($"Server builds, before → after: {string.Join(" → ", executables)}");
            Console.WriteLine($"{rounds} rounds, {perCell} documents per kind and capture; submit→decision one session at a time; a burst of {burst} per row and round " +
                              $"(server process CPU time over first submit → last decision ÷ verifications); medians over rounds; {Environment.ProcessorCount} cores");
            Console.WriteLine("| documents | CPU-seconds per verification (÷) | submit→decision median (÷) | p95 | cores busy | decided per minute | decisions |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            void Row(string label, List<int> rows)
            {
                // Per build and round, the rows' bursts together; then the median over rounds.
                List<double> PerRound(Func<IReadOnlyList<Burst>, double> measure) =>
                    [.. bursts.Select(b => Median(Enumerable.Range(0, rounds).Select(r => measure([.. rows.Select(g => b[g][r])]))))];
                var cpu = PerRound(SetCpu);
                var busy = PerRound(x => x.Sum(b => b.CpuSeconds) / x.Sum(b => b.WallSeconds) / Environment.ProcessorCount * 100);
                var perMinute = PerRound(x => x.Sum(b => b.Count) / x.Sum(b => b.WallSeconds) * 60);
                var latency = latencies.Select(l => rows.SelectMany(g => l[g]).ToList()).ToList();
                var median = latency.Select(l => Median(l)).ToList();
                var decisions = statuses.Select(s => string.Join(" ", rows.SelectMany(g => s[g]).GroupBy(x => x).Select(x => $"{x.Key} {x.Count()}")));
                Console.WriteLine($"| {label} | {Steps(cpu, "F2")} ({cpu[0] / cpu[^1]:F2}) | {Steps(median, "F0")} ms ({median[0] / median[^1]:F2}) | " +
                                  $"{Steps(latency.Select(l => RealisticPipelineBench.Percentile(l, 0.95)), "F0")} ms | {Steps(busy, "F0")} % | {Steps(perMinute, "F0")} | " +
                                  $"{string.Join(" → ", decisions)} |");
            }
            for (var g = 0; g < groups.Count; g++)
                Row(groups[g][0].Group, [g]);
            foreach (var kind in groups.Skip(1).Select(g => g[0].Kind).Distinct())
                Row($"{kind}, every capture", [.. Enumerable.Range(1, groups.Count - 1).Where(g => groups[g][0].Kind == kind)]);
            Row("realistic set (all but the reference)", [.. Enumerable.Range(1, groups.Count - 1)]);
        }
        finally
        {
            foreach (var build in builds)
            {
                build.Client.Dispose();
                await build.Server.DisposeAsync();
                Directory.Delete(build.Server.DataPath, recursive: true);
            }
        }
    }

    private static async Task<Build> StartAsync(string executable, int index)
    {
        var data = Directory.CreateTempSubdirectory($"ekyc-build{index}-").FullName;
        var server = new ServerProcess($"build {index}", Path.GetFullPath(executable), data, new Dictionary<string, string>
        {
            ["Ekyc__RateLimit__PermitLimit"] = "1000000",
            ["Ekyc__Worker__PollInterval"] = "00:00:00.050",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        server.Start();
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(3));
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(Path.Combine(data, "initial-api-key.txt")).Trim());
        return new Build(server, client);
    }

    /// <summary>The builds in the order of this turn: forwards on even turns, backwards on odd ones.</summary>
    private static IEnumerable<int> Turns(int count, int turn) =>
        turn % 2 == 0 ? Enumerable.Range(0, count) : Enumerable.Range(0, count).Reverse();

    private static async Task<(double Ms, string Status)> VerifyAsync(HttpClient client, RealisticDocument document)
    {
        var id = await RealisticPipelineBench.PrepareAsync(client, document);
        var ms = await RealisticPipelineBench.SubmitAndWaitAsync(client, id);
        return (ms, await RealisticPipelineBench.StatusAsync(client, id));
    }

    private static async Task<Burst> BurstAsync(Build build, List<RealisticDocument> documents)
    {
        var (cpu, wall) = await RealisticPipelineBench.BurstAsync(build.Client, documents, () => build.Server.ProcessorTime);
        return new Burst(cpu, wall, documents.Count);
    }

    /// <summary>CPU-seconds per verification of several bursts together (the rows of a set in one round).</summary>
    private static double SetCpu(IEnumerable<Burst> bursts) =>
        bursts.Sum(b => b.CpuSeconds) / bursts.Sum(b => b.Count);

    private static string Steps(IEnumerable<double> values, string format) =>
        string.Join(" → ", values.Select(v => v.ToString(format, System.Globalization.CultureInfo.InvariantCulture)));

    private static double Median(IEnumerable<double> values) => RealisticPipelineBench.Percentile([.. values], 0.5);

    private static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
