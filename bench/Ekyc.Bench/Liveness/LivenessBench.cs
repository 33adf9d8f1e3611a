using System.Diagnostics;
using Ekyc.Core.Checks;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Models;

namespace Ekyc.Bench.Liveness;

/// <summary>
/// <c>liveness [--photos DIR] [--variants N] [--seed S] [--out DIR] [--from DIR] [--kept-crop-only] [--verbose]</c>: generates the liveness set
/// (<see cref="LivenessSetGenerator"/>), runs the passive liveness decision on every frame, and prints the signals per
/// presentation, the pass-threshold sweep on the tuning split and the outcome table (BPCER, APCER per attack) on both
/// splits at the configured thresholds. <c>--out</c> writes the frames for inspection, <c>--from</c> reads them back;
/// <c>--kept-crop-only</c> turns off the anti-spoof reading of a close face's extended context, for comparison.
/// </summary>
public static class LivenessBench
{
    private static readonly double[] Sweep = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98];
    private static readonly double[] FailSweep = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05];

    public static void Run(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var photos = Arg("--photos") ?? FindUp(Path.Combine("tests", "data", "photos"));
        var variants = int.Parse(Arg("--variants") ?? "2");
        var seed = int.Parse(Arg("--seed") ?? "12");
        var verbose = args.Contains("--verbose");
        var options = new FaceOptions { AntiSpoofExtendedContext = !args.Contains("--kept-crop-only") };
        using var models = ModelStore.Locate();
        using var analyzer = new FaceAnalyzer(models, options);

        var clock = Stopwatch.StartNew();
        var samples = Arg("--from") is { } from ? Load(from) : LivenessSetGenerator.Generate(photos, analyzer, variants, seed);
        Console.WriteLine($"{samples.Count} frames in {clock.Elapsed.TotalSeconds:F0} s (seed {seed}, {variants} genuine variants per face)");
        if (Arg("--out") is { } outDir)
        {
            Directory.CreateDirectory(outDir);
            foreach (var (sample, k) in samples.Select((s, k) => (s, k)))
                File.WriteAllBytes(Path.Combine(outDir, $"{k:D4} {sample.Kind} {sample.Split} {Sanitise(sample.Name)}.jpg"), sample.Frame);
        }

        var times = new List<double>();
        var observed = samples.Select(s =>
        {
            var watch = Stopwatch.StartNew();
            var frame = ImageObservation.Observe(analyzer, s.Frame, options, new StageTimer(), eyes: true, liveness: true, screen: true, tone: true);
            times.Add(watch.Elapsed.TotalMilliseconds);
            return (Sample: s, Frame: frame);
        }).ToList();
        times.Sort();
        Console.WriteLine($"observe (decode, detect, landmarks, embed, eyes, anti-spoof, screen grid): median {times[times.Count / 2]:F1} ms per frame");

        PrintSignals(observed.Select(o => (o.Sample, o.Frame)).ToList());
        CheckResult Decide(ImageObservation frame, FaceOptions o) => LivenessEvaluator.Evaluate([frame], null, frame.Screen, o, []);

        Console.WriteLine();
        Console.WriteLine("Pass-threshold sweep on the tuning split (p(live) at or above t passes, other signals as configured):");
        Console.WriteLine("| t | BPCER genuine | " + string.Join(" | ", Attacks().Select(k => $"APCER {k.ToString().ToLowerInvariant()}")) + " |");
        Console.WriteLine("|---|---|" + string.Concat(Attacks().Select(_ => "---|")));
        var tune = observed.Where(o => o.Sample.Split == Split.Tune).ToList();
        foreach (var t in Sweep)
        {
            var o = options with { LivenessThreshold = t };
            var decided = tune.Select(x => (x.Sample.Kind, Decide(x.Frame, o).Status)).ToList();
            Console.WriteLine($"| {t:F2} | {Rate(decided, Presentation.Genuine, s => s != CheckStatus.Pass)} | " +
                string.Join(" | ", Attacks().Select(k => Rate(decided, k, s => s == CheckStatus.Pass))) + " |");
        }

        Console.WriteLine();
        Console.WriteLine("Fail-threshold sweep on the tuning split (p(live) below t fails a judgeable face; a screen grid fails):");
        Console.WriteLine("| t | genuine failed | " + string.Join(" | ", Attacks().Select(k => $"{k.ToString().ToLowerInvariant()} failed")) + " |");
        Console.WriteLine("|---|---|" + string.Concat(Attacks().Select(_ => "---|")));
        foreach (var t in FailSweep)
        {
            var o = options with { LivenessFailThreshold = t };
            var decided = tune.Select(x => (x.Sample.Kind, Decide(x.Frame, o).Status)).ToList();
            Console.WriteLine($"| {t:F4} | {Rate(decided, Presentation.Genuine, s => s == CheckStatus.Fail)} | " +
                string.Join(" | ", Attacks().Select(k => Rate(decided, k, s => s == CheckStatus.Fail))) + " |");
        }

        foreach (var split in new[] { Split.Tune, Split.Report })
        {
            Console.WriteLine();
            Console.WriteLine($"Outcome at the configured thresholds ({split} split; pass at p(live) ≥ {options.LivenessThreshold}, fail below {options.LivenessFailThreshold} or on a screen grid):");
            Console.WriteLine("| presentation | n | pass | review | fail | error rate |");
            Console.WriteLine("|---|---|---|---|---|---|");
            var results = observed.Where(o => o.Sample.Split == split).Select(o => (o.Sample, Result: Decide(o.Frame, options))).ToList();
            foreach (var kind in Enum.GetValues<Presentation>())
            {
                var of = results.Where(r => r.Sample.Kind == kind).ToList();
                if (of.Count == 0)
                    continue;
                int Count(CheckStatus s) => of.Count(r => r.Result.Status == s);
                var error = kind == Presentation.Genuine
                    ? $"BPCER {Percent(of.Count - Count(CheckStatus.Pass), of.Count)}"
                    : $"APCER {Percent(Count(CheckStatus.Pass), of.Count)}";
                Console.WriteLine($"| {kind.ToString().ToLowerInvariant()} | {of.Count} | {Count(CheckStatus.Pass)} | {Count(CheckStatus.Review)} | {Count(CheckStatus.Fail)} | {error} |");
            }
            var reasons = results.Where(r => r.Sample.Kind == Presentation.Genuine && r.Result.Status != CheckStatus.Pass)
                .SelectMany(r => r.Result.ReasonCodes).GroupBy(r => r).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
            Console.WriteLine($"genuine not passed, by reason: {string.Join(", ", reasons)}");
            if (verbose)
                foreach (var ((sample, result), frame) in results.Zip(observed.Where(o => o.Sample.Split == split).Select(o => o.Frame)))
                    Console.WriteLine($"  {result.Status,-6} {result.Score,6:F3} {sample.Kind,-8} contrast {frame.Tone?.Contrast,7:F1} " +
                        $"grid {frame.Screen?.Luma.Decibels,4:F1} dB ×{frame.Screen?.LumaTiles,2} / chroma {frame.Screen?.Chroma.Decibels,4:F1} dB ×{frame.Screen?.ChromaTiles,2} " +
                        $"{sample.Name}  [{string.Join(",", result.ReasonCodes)}]");
        }
    }

    private static void PrintSignals(List<(LivenessSample Sample, ImageObservation Frame)> observed)
    {
        Console.WriteLine();
        Console.WriteLine("Signals per presentation (both splits): p(live) of fr_liveness, screen grid (luma or chroma peak by the documents' thresholds):");
        Console.WriteLine("| presentation | n | no single face | p(live) p10 | median | p90 | screen grid | face / short side median | face contrast p10 | median |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var kind in Enum.GetValues<Presentation>())
        {
            var of = observed.Where(o => o.Sample.Kind == kind).ToList();
            var faces = of.Where(o => o.Frame.Primary is not null && o.Frame.Faces.Count == 1).ToList();
            var live = faces.Select(o => (double)o.Frame.Primary!.LiveProbability!.Value).Order().ToList();
            var screen = of.Count(o => o.Frame.Screen is { } s && ScreenFlag(s));
            var fraction = faces.Select(o => o.Frame.PrimaryFraction).Order().ToList();
            var contrast = faces.Where(o => o.Frame.Tone is not null).Select(o => o.Frame.Tone!.Contrast).Order().ToList();
            Console.WriteLine($"| {kind.ToString().ToLowerInvariant()} | {of.Count} | {of.Count - faces.Count} | {Quantile(live, 0.1):F3} | {Quantile(live, 0.5):F3} | {Quantile(live, 0.9):F3} | " +
                $"{screen} | {Quantile(fraction, 0.5):F2} | {Quantile(contrast, 0.1):F1} | {Quantile(contrast, 0.5):F1} |");
        }
    }

    private static bool ScreenFlag(Ekyc.Verification.Documents.Forensics.ScreenRecapture screen) =>
        screen.Suspected(new Ekyc.Verification.Documents.DocumentOptions());

    private static IEnumerable<Presentation> Attacks() => Enum.GetValues<Presentation>().Where(k => k != Presentation.Genuine);

    private static string Rate(List<(Presentation Kind, CheckStatus Status)> decided, Presentation kind, Func<CheckStatus, bool> error)
    {
        var of = decided.Where(d => d.Kind == kind).ToList();
        return Percent(of.Count(d => error(d.Status)), of.Count);
    }

    private static string Percent(int count, int total) => total == 0 ? "–" : $"{100.0 * count / total:F0}% ({count}/{total})";

    private static double Quantile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];

    /// <summary>Frames written by <c>--out</c>, read back (kind and split are in the file name) to re-run the decision quickly.</summary>
    private static List<LivenessSample> Load(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.jpg").Order(StringComparer.Ordinal).Select(f =>
        {
            var parts = Path.GetFileNameWithoutExtension(f).Split(' ', 4);
            return new LivenessSample(parts[3], Enum.Parse<Presentation>(parts[1]), Enum.Parse<Split>(parts[2]), File.ReadAllBytes(f));
        })];

    private static string Sanitise(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '#' ? c : '_'));

    private static string FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, relative)))
                return Path.Combine(dir.FullName, relative);
        throw new DirectoryNotFoundException($"{relative} not found above the current directory; pass --photos.");
    }
}
