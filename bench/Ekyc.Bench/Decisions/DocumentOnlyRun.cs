using System.Text.Json;
using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents;

namespace Ekyc.Bench.Decisions;

/// <summary>
/// <c>decisions --documents-only</c>: the documents of the decision set through the server's own document engine (the
/// same instance and configuration, called directly: no selfie, no session), for fast iteration on the document side.
/// Prints pass/review/fail per class, document type and capture, every genuine document that did not pass and every
/// fraud its own evidence missed, with the signals behind them. The final numbers come from the full run.
/// </summary>
public static class DocumentOnlyRun
{
    public static void Run(IDocumentVerifier verifier, DecisionSetGenerator generator, IReadOnlyList<DecisionLabel> labels, string? outDir)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var results = labels.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Min(2, Environment.ProcessorCount)).Select(label =>
        {
            var (front, back) = generator.RenderDocument(label);
            if (outDir is not null)
            {
                var images = Directory.CreateDirectory(Path.Combine(outDir, "images")).FullName;
                File.WriteAllBytes(Path.Combine(images, $"{label.Id}-front{Extension(front)}"), front);
                if (back is not null)
                    File.WriteAllBytes(Path.Combine(images, $"{label.Id}-back{Extension(back)}"), back);
            }
            return (Label: label, Result: verifier.Verify(new DocumentImages(front, back, label.DocumentType), today, CancellationToken.None).Authenticity);
        }).ToList();

        Console.WriteLine("\n| class | document | design | capture | pass | review | fail | reasons (count) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var cell in results.GroupBy(r => (r.Label.Class, r.Label.DocumentType, r.Label.Design, r.Label.Capture)).OrderBy(g => g.Key))
        {
            var reasons = cell.Where(r => r.Result.Status != CheckStatus.Pass).SelectMany(r => r.Result.ReasonCodes)
                .GroupBy(r => r).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ({g.Count()})");
            Console.WriteLine($"| {cell.Key.Class.ToWire()} | {cell.Key.DocumentType} | {cell.Key.Design.ToString().ToLowerInvariant()} | {cell.Key.Capture.ToWire()} | {Count(cell, CheckStatus.Pass)} | " +
                              $"{Count(cell, CheckStatus.Review)} | {Count(cell, CheckStatus.Fail)} | {string.Join(", ", reasons)} |");
        }

        var genuine = results.Where(r => r.Label.Class.IsGenuine()).ToList();
        var confidences = genuine.Where(r => r.Result.Status == CheckStatus.Pass).Select(r => r.Result.Confidence ?? 0).Order().ToList();
        Console.WriteLine($"\ngenuine documents passed: {Count(genuine, CheckStatus.Pass)}/{genuine.Count}; their confidence min {confidences.FirstOrDefault():F3}, " +
                          $"under 0.8: {confidences.Count(c => c < 0.8)}");
        foreach (var (label, result) in genuine.Where(r => r.Result.Status != CheckStatus.Pass || r.Result.Confidence < 0.8))
            Console.WriteLine($"  {label.Id} {label.Design.ToString().ToLowerInvariant()} {label.Capture.ToWire()} {result.Status} conf {result.Confidence}: {Signals(result)}");

        var fraud = results.Where(r => r.Label.Class.Evidence() is { Check: CheckNames.DocumentAuthenticity }).ToList();
        var caught = fraud.Count(r => Caught(r.Label, r.Result));
        Console.WriteLine($"\ndocument frauds caught by their own evidence: {caught}/{fraud.Count}; passed: {Count(fraud, CheckStatus.Pass)}");
        foreach (var (label, result) in fraud.Where(r => !Caught(r.Label, r.Result)))
            Console.WriteLine($"  {label.Id} {label.Design.ToString().ToLowerInvariant()} {label.Capture.ToWire()} {result.Status}: {Signals(result)}");

        if (outDir is not null)
            DecisionSetWriter.WriteLabels(outDir, labels);
        if (outDir is not null)
            File.WriteAllText(Path.Combine(outDir, "documents.json"), JsonSerializer.Serialize(results.Select(r => new
            {
                r.Label.Id,
                Status = r.Result.Status.ToString(),
                r.Result.Confidence,
                r.Result.ReasonCodes,
                Signals = Signals(r.Result),
                Printed = r.Result.Evidence.GetValueOrDefault("printed_fields"),
                Mrz = r.Result.Evidence.GetValueOrDefault("mrz"),
            }), DecisionSetWriter.Json));
    }

    /// <summary>A fraud's document turned down (rejected, or reviewed where review is accepted) with its own reason.</summary>
    private static bool Caught(DecisionLabel label, CheckResult result) =>
        (result.Status == CheckStatus.Fail || (result.Status == CheckStatus.Review && label.ReviewAcceptable)) &&
        label.Class.Evidence() is { } evidence && result.ReasonCodes.Intersect(evidence.Reasons).Any();

    /// <summary>PNG captures (the screenshot condition) keep their format's extension.</summary>
    private static string Extension(byte[] image) => image is [0x89, (byte)'P', (byte)'N', (byte)'G', ..] ? ".png" : ".jpg";

    private static int Count<T>(IEnumerable<(T Label, CheckResult Result)> results, CheckStatus status) => results.Count(r => r.Result.Status == status);

    private static string Signals(CheckResult result) =>
        JsonSerializer.Serialize((result.Evidence.GetValueOrDefault("signals") as IEnumerable<DocumentSignal> ?? []).Where(s => s.Status is "fail" or "review"));
}
