using System.CommandLine;
using System.Diagnostics;
using Ekyc.Verification.Screening;
using Ekyc.Verification.Screening.Evaluation;
using Ekyc.Verification.Screening.Lists;

namespace Ekyc.Server.Cli;

/// <summary>
/// <c>screening evaluate --benchmarks DIR [--lists DIR]</c>: precision and recall on nomenklatura's labelled name
/// pairs, recall on yente's UN and US-Congress positives and the false-alert rate on its synthetic negatives.
/// </summary>
public static class ScreeningEvaluateCommand
{
    public static Command Create()
    {
        var benchmarks = new Option<string>("--benchmarks") { Description = "Folder with the benchmark CSV files.", Required = true };
        var lists = new Option<string?>("--lists") { Description = "List store folder; default: the reference lists next to the benchmarks folder." };
        var negatives = new Option<int?>("--negatives") { Description = "Use only the first N rows of each negatives file." };
        var examples = new Option<int>("--examples") { Description = "Print up to N misses and false alerts per file.", DefaultValueFactory = _ => 0 };
        var evaluate = new Command("evaluate", "Measure matching quality on labelled benchmarks.") { benchmarks, lists, negatives, examples };
        evaluate.SetAction((result, _) => Task.FromResult(Run(result.GetValue(benchmarks)!, result.GetValue(lists), result.GetValue(negatives), result.GetValue(examples))));
        return new Command("screening", "Sanctions and PEP screening tools.") { evaluate };
    }

    private static int Run(string benchmarks, string? listsPath, int? negativeLimit, int examples)
    {
        var options = new ScreeningOptions();
        var service = new ScreeningService(options);
        var watch = Stopwatch.StartNew();
        if (listsPath is not null)
        {
            var report = service.Reload(listsPath);
            foreach (var error in report.Errors)
            {
                Console.Error.WriteLine(error);
            }
        }
        else
        {
            service.Swap(ScreeningIndex.Build(ReferenceLists.LoadFolder(Path.Combine(benchmarks, ".."))));
        }
        var index = service.Index;
        Console.WriteLine($"lists: {index.Version}; {index.EntityCount} entities, {index.NameCount} names, {index.VocabularySize} tokens; loaded and indexed in {watch.ElapsedMilliseconds} ms");

        var cases = Path.Combine(benchmarks, "nomenklatura_name_bench_cases.csv");
        if (File.Exists(cases))
        {
            var pairs = NamePairEvaluation.Run(cases, index.Weights, options.ReviewThreshold);
            Console.WriteLine();
            Console.WriteLine($"Name pairs (nomenklatura, threshold {options.ReviewThreshold}):");
            Console.WriteLine("| schema | pairs | TP | FP | TN | FN | precision | recall | F1 |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var (schema, c) in pairs.BySchema.OrderByDescending(p => p.Value.Total).Append(new("all", pairs.Overall)))
            {
                Console.WriteLine($"| {schema} | {c.Total} | {c.TruePositives} | {c.FalsePositives} | {c.TrueNegatives} | {c.FalseNegatives} | {c.Precision:F3} | {c.Recall:F3} | {c.F1:F3} |");
            }
            Console.WriteLine("Threshold sweep: " + string.Join("; ", Enumerable.Range(0, 13).Select(i => 0.6 + 0.025 * i).Select(t =>
            {
                var c = pairs.Pairs.Aggregate(ConfusionCounts.Empty, (acc, p) => acc.Add(p.Expected, p.Score >= t));
                return $"{t:F3}: P {c.Precision:F3} R {c.Recall:F3}";
            })));
            foreach (var miss in pairs.Pairs.Where(p => p.Expected != p.Score >= options.ReviewThreshold).Take(examples))
            {
                Console.WriteLine($"  {(miss.Expected ? "FN" : "FP")} {miss.Score:F3} {miss.Schema}: {miss.Name1} | {miss.Name2}");
            }
        }

        Console.WriteLine();
        Console.WriteLine("| query file | queries | alerts | alert rate | on a PEP | on expected list (UN; any PEP) | median ms | p99 ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Func<ScreeningMatch, bool> onUn = m => m.Entity.ListName == "un";
        Func<ScreeningMatch, bool> onPep = m => m.Entity.IsPep;
        var files = new (string File, Func<ScreeningMatch, bool>? Expected, bool Positive)[]
        {
            ("yente_positives_un_treated.csv", onUn, true),
            ("yente_positives_un_untreated.csv", onUn, true),
            ("yente_positives_us_congress_untreated.csv", onPep, true),
            ("yente_negatives_global.csv", null, false),
            ("yente_negatives_us.csv", null, false),
        };
        var printed = new List<QueryFileEvaluation.Report>();
        foreach (var (file, expected, positive) in files)
        {
            var path = Path.Combine(benchmarks, file);
            if (!File.Exists(path))
            {
                continue;
            }
            if (!positive && negativeLimit is { } limit)
            {
                var trimmed = Path.Combine(Path.GetTempPath(), $"ekyc-{Guid.NewGuid():N}-{file}");
                File.WriteAllLines(trimmed, File.ReadLines(path).Take(limit + 1));
                path = trimmed;
            }
            var trimmedCopy = path != Path.Combine(benchmarks, file);
            var report = QueryFileEvaluation.Run(path, service, expected, examples, collectMisses: positive);
            if (trimmedCopy)
            {
                File.Delete(path);
            }
            printed.Add(report);
            var onList = expected is null ? "" : $"{report.AlertsOnExpectedList} ({(double)report.AlertsOnExpectedList / Math.Max(1, report.Queries):P1})";
            Console.WriteLine($"| {file} | {report.Queries} | {report.Alerts} | {report.AlertRate:P2} | {report.PepAlerts} | {onList} | {report.MedianMs:F3} | {report.P99Ms:F3} |");
        }
        foreach (var report in printed.Where(r => r.Examples.Count > 0))
        {
            Console.WriteLine($"{report.File}:");
            foreach (var (query, best) in report.Examples)
            {
                Console.WriteLine(best is null ? $"  miss: {query}" : $"  alert: {query} -> {best.MatchedName} [{best.Entity.ListName} {best.Entity.Id}] {best.Score} dob={best.Dob}");
            }
        }
        return 0;
    }
}
