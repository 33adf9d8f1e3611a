using Ekyc.Core.Checks;
using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Models;

namespace Ekyc.Bench.Liveness;

/// <summary>
/// <c>liveness-selfies [--seeds N] [--seed S] [--kinds K,…] [--only TEXT] [--verbose] [--out DIR]</c>: the decision set's passive selfies without the documents
/// or the server. Every photo of <see cref="FacePhotos"/> is rendered N times as <see cref="SelfieCapture"/> draws it
/// (webcam frame, print replay, screen replay, and the careful attacker's <see cref="CarefulReplay"/> with its framed
/// webcam control) and judged by the passive liveness decision, so the
/// <c>genuine_passive_selfie</c> and replay classes can be measured per photo on far more cases than a decision run holds.
/// <c>--only</c> keeps the photos whose path contains the text; <c>--out</c> writes every frame for inspection.
/// </summary>
public static class SelfieClassBench
{
    public static void Run(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var seeds = int.Parse(Arg("--seeds") ?? "8");
        var first = int.Parse(Arg("--seed") ?? "1000");
        var verbose = args.Contains("--verbose");
        var outDir = Arg("--out");
        if (outDir is not null)
            Directory.CreateDirectory(outDir);
        var photos = FacePhotos.Locate();
        var options = new FaceOptions();
        using var models = ModelStore.Locate();
        using var analyzer = new FaceAnalyzer(models, options);

        var only = Arg("--only");
        var paths = FacePhotos.Identities.SelectMany(i => i.Photos.SelectMany(p => p)).Concat(FacePhotos.Others)
            .Where(p => only is null || p.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        var kinds = Arg("--kinds") is { } named
            ? named.Split(',').Select(k => Enum.Parse<SelfieKind>(k, ignoreCase: true)).ToArray()
            : [SelfieKind.Webcam, SelfieKind.PrintReplay, SelfieKind.ScreenReplay,
               SelfieKind.WebcamFramed, SelfieKind.ScreenReplayFine, SelfieKind.ScreenReplayDefocused, SelfieKind.PrintPhotoPaper];
        Console.WriteLine($"{paths.Count} photos × {seeds} renderings × {kinds.Length} presentations (render seeds {first}…)");
        Console.WriteLine("| photo | presentation | pass | review | fail | p(live) median | reasons (not passed) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var totals = kinds.ToDictionary(k => k, _ => new int[3]);
        foreach (var path in paths)
        {
            var bytes = File.ReadAllBytes(Path.Combine(photos, path));
            foreach (var kind in kinds)
            {
                var results = Enumerable.Range(first, seeds).Select(seed =>
                {
                    var frame = SelfieCapture.Render(bytes, kind, new Random(seed), seed);
                    if (outDir is not null)
                        File.WriteAllBytes(Path.Combine(outDir, $"{Path.GetFileNameWithoutExtension(path)} {kind} {seed}.jpg"), frame);
                    var observed = ImageObservation.Observe(analyzer, frame, options, new StageTimer(), eyes: true, liveness: true, screen: true, tone: true);
                    return LivenessEvaluator.Evaluate([observed], null, observed.Screen, options, []);
                }).ToList();
                int Count(CheckStatus s) => results.Count(r => r.Status == s);
                var tally = totals[kind];
                tally[0] += Count(CheckStatus.Pass);
                tally[1] += Count(CheckStatus.Review);
                tally[2] += Count(CheckStatus.Fail);
                var scores = results.Where(r => r.Score is not null).Select(r => r.Score!.Value).Order().ToList();
                var median = scores.Count == 0 ? "–" : $"{scores[scores.Count / 2]:F3}";
                var reasons = results.Where(r => r.Status != CheckStatus.Pass).SelectMany(r => r.ReasonCodes)
                    .GroupBy(r => r).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
                Console.WriteLine($"| {Path.GetFileNameWithoutExtension(path)} | {kind} | {Count(CheckStatus.Pass)} | {Count(CheckStatus.Review)} | " +
                    $"{Count(CheckStatus.Fail)} | {median} | {string.Join(", ", reasons)} |");
                if (verbose)
                    foreach (var r in results)
                        Console.WriteLine($"    {r.Status,-6} {r.Score,6:F3} [{string.Join(",", r.ReasonCodes)}] " +
                            System.Text.Json.JsonSerializer.Serialize(r.Evidence));
            }
        }
        Console.WriteLine();
        foreach (var (kind, tally) in totals)
            Console.WriteLine($"{kind}: pass {tally[0]}, review {tally[1]}, fail {tally[2]}");
    }
}
