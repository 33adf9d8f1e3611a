using System.Diagnostics;
using System.Text.Json;
using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Synthetic.Decisions;
using Ekyc.Synthetic.Liveness;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Models;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Screening;
using Ekyc.Verification.Screening.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Bench.Decisions;

/// <summary>
/// <c>decisions [--count N] [--seed S] [--out DIR] [--checks both|all|no-pep] [--design all|both|classic|modern|national] [--documents-only] [--captures all|first-four|unseen|WIRE]</c>: generates the labelled decision set
/// (<see cref="DecisionSetGenerator"/>: N cases per fraud class and of passive-only genuine selfies, 2N per genuine class
/// answering the liveness challenge as the capture page does) and runs every case through the
/// real server with its default configuration, once with all five checks and once without <c>pep_screening</c>; prints
/// the confusion table per class, the genuine auto-approval rate, the fraud approved and the submit→decision latency.
/// <c>--out</c> also writes the images, <c>labels.json</c>/<c>labels.csv</c> and <c>outcomes.json</c>;
/// <c>--design</c> picks the issuers' page designs the documents take in turn (all by default; <c>both</c> is classic and modern, the set before the national design);
/// <c>--captures</c> the capture conditions they take in turn (<see cref="CaptureConditions.Named"/>: the five of <see cref="CaptureConditions.All"/> by default, <c>unseen</c> the held-out ones);
/// <c>--documents-only</c> runs only the documents through the server's document engine (<see cref="DocumentOnlyRun"/>).
/// </summary>
public static class DecisionBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = Arg(args, "--count", "8", int.Parse);
        var seed = Arg(args, "--seed", "1", int.Parse);
        var outDir = Arg<string?>(args, "--out", null, s => s);
        var passes = Arg(args, "--checks", "both", s => s) switch
        {
            "all" => new[] { true },
            "no-pep" => [false],
            "both" => [true, false],
            var other => throw new ArgumentException($"--checks {other}: both, all or no-pep"),
        };
        var designs = Arg(args, "--design", "all", s => s) switch
        {
            "all" => Enum.GetValues<SpecimenDesign>(),
            // The first two designs, as the set was before the third: earlier measurements stay reproducible.
            "both" => [SpecimenDesign.Classic, SpecimenDesign.Modern],
            var one when Enum.TryParse<SpecimenDesign>(one, ignoreCase: true, out var design) => [design],
            var other => throw new ArgumentException($"--design {other}: all, both, classic, modern or national"),
        };
        var captures = Arg(args, "--captures", "all", CaptureConditions.Named);
        var clock = Stopwatch.StartNew();
        await using var server = await InProcessServer.StartAsync("decisions");
        var screening = server.Services.GetRequiredService<ScreeningService>();
        using var models = ModelStore.Locate();
        using var faces = new FaceAnalyzer(models, new FaceOptions());
        var generator = new DecisionSetGenerator(FacePhotos.Locate(), new SpecimenRenderer(OcrBFont.Path), holder => Screen(screening, holder).Count == 0,
            new ChallengeCapture(faces), designs, captures, faces);
        var labels = generator.Plan(count, seed);
        foreach (var listed in HolderNames.Listed.Where(h => !Screen(screening, h).Any(m => m.Score >= screening.Options.HitThreshold)))
            Console.WriteLine($"warning: the listed person {listed.GivenNames} {listed.Surname} is not a hit on the loaded lists");
        if (args.Contains("--documents-only"))
        {
            DocumentOnlyRun.Run(server.Services.GetRequiredService<IDocumentVerifier>(), generator, labels, outDir);
            Console.WriteLine($"\ntotal {clock.Elapsed.TotalSeconds:F0} s");
            return 0;
        }
        var cases = labels.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Min(2, Environment.ProcessorCount)).Select(generator.Render).ToList();
        var generated = clock.Elapsed;
        if (outDir is not null)
        {
            DecisionSetWriter.WriteLabels(outDir, labels);
            foreach (var c in cases)
                DecisionSetWriter.WriteImages(outDir, c);
        }

        Console.WriteLine($"Ekyc decisions: {cases.Count} cases (count {count}, seed {seed}), generated in {generated.TotalSeconds:F0} s; " +
            $"the real server, default configuration, {Environment.ProcessorCount} cores");
        // Warm-up: the first inference runs allocate the ONNX arenas.
        await DecisionClient.RunAsync(server.Client, cases[0], CheckNames.All);
        var results = new Dictionary<string, List<DecisionOutcome>>();
        foreach (var allChecks in passes)
        {
            var checks = allChecks ? CheckNames.All : [.. CheckNames.All.Where(c => c != CheckNames.PepScreening)];
            var title = allChecks ? "all five checks (the default)" : "excluding pep_screening (the other four checks)";
            var passClock = Stopwatch.StartNew();
            var outcomes = new List<DecisionOutcome>();
            foreach (var c in cases)
                outcomes.Add(await DecisionClient.RunAsync(server.Client, c, checks));
            DecisionTables.Print(title, outcomes);
            Console.WriteLine($"pass time {passClock.Elapsed.TotalSeconds:F0} s");
            results[allChecks ? "all_checks" : "without_pep_screening"] = outcomes;
        }
        if (outDir is not null)
            File.WriteAllText(Path.Combine(outDir, "outcomes.json"), JsonSerializer.Serialize(results.ToDictionary(kv => kv.Key, kv => kv.Value.Select(o =>
                new { o.Label.Id, o.Status, o.Rule, o.Findings, o.Scores, o.SubmitToDecisionMs, o.ChallengeSkipped })), DecisionSetWriter.Json));
        Console.WriteLine($"\ntotal {clock.Elapsed.TotalSeconds:F0} s");
        return 0;
    }

    /// <summary>The holder as the server screens them: full name, birth date and nationality from the document.</summary>
    private static IReadOnlyList<ScreeningMatch> Screen(ScreeningService screening, Holder holder)
    {
        var yy = int.Parse(holder.BirthDate[..2]);
        var year = yy > DateTime.UtcNow.Year % 100 ? 1900 + yy : 2000 + yy;
        var birth = BirthDate.ParseIso($"{year}-{holder.BirthDate[2..4]}-{holder.BirthDate[4..]}");
        return screening.Search(new ScreeningQuery($"{holder.GivenNames} {holder.Surname}", birth, holder.Nationality));
    }

    private static T Arg<T>(string[] args, string name, string? fallback, Func<string, T> parse)
    {
        var index = Array.IndexOf(args, name);
        var text = index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        return text is null ? default! : parse(text);
    }
}
