using System.Diagnostics;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Evaluation;

/// <summary>
/// Screens every row of a yente-style query file (<c>full_name,…,date_of_birth,…,nationality</c>) and counts
/// the rows that raised an alert (a match at or above the review threshold), with per-query latency.
/// </summary>
public static class QueryFileEvaluation
{
    /// <param name="PepAlerts">Queries that raised an alert on a PEP entry.</param>
    public sealed record Report(string File, int Queries, int Alerts, int AlertsOnExpectedList, int PepAlerts, double MedianMs, double P99Ms,
        IReadOnlyList<(string Query, ScreeningMatch? Best)> Examples)
    {
        public double AlertRate => Queries == 0 ? 0 : (double)Alerts / Queries;
    }

    /// <param name="expected">Which matches count as finding the listed person (e.g. on the UN list, or any PEP).</param>
    public static Report Run(string path, ScreeningService service, Func<ScreeningMatch, bool>? expected = null, int examples = 0, bool collectMisses = true)
    {
        var times = new List<double>();
        int queries = 0, alerts = 0, onExpected = 0, pepAlerts = 0;
        var collected = new List<(string, ScreeningMatch?)>();
        foreach (var row in BenchmarkCsv.Read(path))
        {
            var name = row.GetValueOrDefault("full_name") ?? "";
            var query = new ScreeningQuery(name, BirthDate.ParseIso(row.GetValueOrDefault("date_of_birth")), row.GetValueOrDefault("nationality"));
            var watch = Stopwatch.StartNew();
            var matches = service.Search(query);
            times.Add(watch.Elapsed.TotalMilliseconds);
            queries++;
            if (matches.Count > 0)
            {
                alerts++;
            }
            if (matches.Any(m => m.Entity.IsPep))
            {
                pepAlerts++;
            }
            if (expected is not null && matches.Any(expected))
            {
                onExpected++;
            }
            var noteworthy = collectMisses ? matches.Count == 0 : matches.Count > 0;
            if (noteworthy && collected.Count < examples)
            {
                collected.Add(($"{name} | {row.GetValueOrDefault("date_of_birth")} | {row.GetValueOrDefault("nationality")}", matches.FirstOrDefault()));
            }
        }
        times.Sort();
        return new Report(Path.GetFileName(path), queries, alerts, onExpected, pepAlerts, Percentile(times, 0.5), Percentile(times, 0.99), collected);
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
