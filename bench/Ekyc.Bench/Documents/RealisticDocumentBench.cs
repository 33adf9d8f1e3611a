using System.Diagnostics;
using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Verification.Documents;

namespace Ekyc.Bench.Documents;

/// <summary>
/// The document engine alone on the realistic set, round-robin with the synthetic page as the same-run reference (a
/// shared machine slows every row alike): per kind and capture the median wall, process CPU and inference time of
/// one verification, wall ÷ inference, and the median of each engine stage.
/// </summary>
internal static class RealisticDocumentBench
{
    public const string Reference = "synthetic page (reference)";

    private sealed record Sample(double WallMs, double CpuMs, double InferenceMs, CheckStatus Status, IReadOnlyList<StageTiming> Stages, double PixelsPerChar);

    public static void Run(DocumentVerifier verifier, byte[] syntheticPage, int iterations, int perCell)
    {
        var set = RealisticDocuments.Load(perCell);
        var items = new List<(string Group, string Size, DocumentImages Images)> { (Reference, "1500 px", new DocumentImages(syntheticPage, null, "passport")) };
        items.AddRange(set.Select(d => (d.Group, RealisticDocuments.Size(set.Where(s => s.Group == d.Group)), new DocumentImages(d.Front, d.Back, d.DocumentType))));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var item in items)
            verifier.Verify(item.Images, today, CancellationToken.None); // warm-up: JIT, ONNX arenas at every size

        var samples = items.Select(_ => new List<Sample>()).ToList();
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < iterations; i++)
            for (var k = 0; k < items.Count; k++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var result = verifier.Verify(items[k].Images, today, CancellationToken.None).Authenticity;
                var wall = clock.Elapsed.TotalMilliseconds;
                process.Refresh();
                var total = result.Timings.Single(t => t.Stage == "total");
                samples[k].Add(new Sample(wall, (process.TotalProcessorTime - cpu).TotalMilliseconds, total.InferenceMilliseconds ?? double.NaN, result.Status, result.Timings,
                    PixelsPerChar(result)));
            }

        Console.WriteLine();
        Console.WriteLine($"Document engine alone, realistic set ({iterations} rounds, median per verification; CPU = process CPU time, {Environment.ProcessorCount} cores)");
        // With two documents per cell the median is the dearer one's: the mean shows a change on one of them too.
        Console.WriteLine("| documents | front width | n | wall ms | CPU ms | CPU ms mean | inference ms | wall ÷ inference | ÷ reference wall | MRZ px per character as decoded | authenticity |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var groups = items.Select((item, k) => (item.Group, item.Size, Samples: samples[k])).GroupBy(x => x.Group).ToList();
        var referenceWall = Median(groups[0].SelectMany(g => g.Samples).Select(s => s.WallMs));
        foreach (var group in groups)
        {
            var all = group.SelectMany(g => g.Samples).ToList();
            var (wall, cpu, inference) = (Median(all.Select(s => s.WallMs)), Median(all.Select(s => s.CpuMs)), Median(all.Select(s => s.InferenceMs)));
            var statuses = string.Join(" ", all.GroupBy(s => s.Status).Select(s => $"{s.Key.ToString().ToLowerInvariant()} {s.Count()}"));
            Console.WriteLine($"| {group.Key} | {group.First().Size} | {all.Count} | {wall:F0} | {cpu:F0} | {all.Average(s => s.CpuMs):F0} | {inference:F0} | {wall / inference:F2} | {wall / referenceWall:F2} | {PixelsPerCharRange(all)} | {statuses} |");
        }
        var rounds = Enumerable.Range(0, iterations).Select(i => samples.Skip(1).Sum(row => row[i].CpuMs)).ToList();
        Console.WriteLine($"The realistic set, {items.Count - 1} documents: median CPU per round {Median(rounds) / 1000:F2} s (rounds {string.Join(", ", rounds.Select(r => $"{r / 1000:F2}"))})");
        Console.WriteLine();
        foreach (var group in groups)
        {
            var all = group.SelectMany(g => g.Samples).ToList();
            var names = all.SelectMany(s => s.Stages.Select(t => t.Stage)).Distinct().Where(n => n != "total");
            var medians = names.Select(n => (Name: n, Ms: Median(all.Select(s => s.Stages.FirstOrDefault(t => t.Stage == n)?.Milliseconds ?? 0))))
                .Where(m => m.Ms >= 1).OrderByDescending(m => m.Ms);
            Console.WriteLine($"  stages, {group.Key}: " + string.Join(", ", medians.Select(m => $"{m.Name} {m.Ms:F0}")));
        }
    }

    /// <summary>The MRZ's pixels per character in the decoded image (what the recogniser was given), NaN without an MRZ.</summary>
    private static double PixelsPerChar(CheckResult result) =>
        result.Evidence.TryGetValue("mrz", out var mrz) && mrz is IReadOnlyDictionary<string, object?> fields && fields["pixels_per_char"] is double perChar
            ? perChar
            : double.NaN;

    private static string PixelsPerCharRange(List<Sample> samples)
    {
        var read = samples.Select(s => s.PixelsPerChar).Where(p => !double.IsNaN(p)).ToList();
        return read.Count == 0 ? "—" : read.Min() == read.Max() ? $"{read.Min():F1}" : $"{read.Min():F1}–{read.Max():F1}";
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
