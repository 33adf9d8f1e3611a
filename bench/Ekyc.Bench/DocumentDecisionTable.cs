using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Printed;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Models;

namespace Ekyc.Bench;

/// <summary>
/// <c>documents-accuracy --decisions [--per-cell N] [--verbose] [--out DIR]</c>: the engine's pass/review/fail rates on generated genuine
/// and tampered passports (TD3) and ID cards (TD1 front + back), per capture condition, with the reasons seen.
/// </summary>
public static class DocumentDecisionTable
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    /// <summary>Capture conditions; the width is derived from the dpi (or px per MRZ character) and the format.</summary>
    internal static readonly (string Name, Func<MrzFormat, int> Width, SpecimenOptions Options)[] Captures =
    [
        ("scan 300 dpi, JPEG 92", f => Dpi(f, 300), new SpecimenOptions { Noise = 2, JpegQuality = 92 }),
        ("phone 150 dpi, uneven light, rot 2°, JPEG 80", f => Dpi(f, 150),
            new SpecimenOptions { Noise = 4, JpegQuality = 80, RotationDegrees = 2, BlurSigma = 0.5f, UnevenLight = 0.35f }),
        ("18 px/char, rot −1.5°, blur 0.8, JPEG 70", f => PerChar(f, 18),
            new SpecimenOptions { Noise = 4, JpegQuality = 70, RotationDegrees = -1.5f, BlurSigma = 0.8f, UnevenLight = 0.2f }),
    ];

    private static readonly string[] Classes = ["genuine", "printed surname ≠ MRZ", "altered check digit"];

    public static void Run(string[] args)
    {
        var perCell = Array.IndexOf(args, "--per-cell") is var i and >= 0 ? int.Parse(args[i + 1]) : 6;
        var verbose = args.Contains("--verbose");
        var outDir = Array.IndexOf(args, "--out") is var o and >= 0 ? Directory.CreateDirectory(args[o + 1]).FullName : null;
        using var models = ModelStore.Locate(int8: Quantization.Int8Option.Parse(args));
        // Synthetic pages carry a drawn silhouette, not a face: the portrait is left to the decisions benchmark.
        var verifier = new DocumentVerifier(models, new DocumentOptions { RequirePortrait = false });
        var renderer = new SpecimenRenderer(OcrBFont.Path);
        var random = new Random(11);
        var styles = Enum.GetValues<PrintedDateStyle>();
        var ms = new List<double>();
        var agreeing = new List<(MrzFormat Format, string Kind, int Agreeing, bool Anchored)>();
        Console.WriteLine("| format | class | capture | px/char | pass | review | fail | reasons (count) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var format in new[] { MrzFormat.Td3, MrzFormat.Td1 })
        foreach (var kind in Classes)
        foreach (var (name, width, capture) in Captures)
        {
            int pass = 0, review = 0, fail = 0;
            var reasons = new Dictionary<string, int>();
            for (var n = 0; n < perCell; n++)
            {
                var fields = DocumentAccuracyBench.RandomFields(random, format);
                var options = capture with
                {
                    Width = width(format), Seed = n, DateStyle = styles[n % styles.Length],
                    RotationDegrees = capture.RotationDegrees * (n % 2 == 0 ? 1 : -1),
                };
                options = kind switch
                {
                    "printed surname ≠ MRZ" => options with { PrintedFields = fields with { Surname = DocumentAccuracyBench.RandomFields(random, format).Surname } },
                    "altered check digit" => options with { MrzLines = AlterBirthCheckDigit(MrzWriter.Write(fields), format, random) },
                    _ => options,
                };
                var images = format == MrzFormat.Td1
                    ? new DocumentImages(renderer.Render(fields, options with { DrawMrz = false }), renderer.Render(fields, options with { DrawPrinted = false }), "id_card")
                    : new DocumentImages(renderer.Render(fields, options), null, "passport");
                var result = verifier.Verify(images, Today, CancellationToken.None).Authenticity;
                ms.Add(result.Timings.First(t => t.Stage == "total").Milliseconds);
                switch (result.Status)
                {
                    case CheckStatus.Pass: pass++; break;
                    case CheckStatus.Review: review++; break;
                    default: fail++; break;
                }
                if (result.Evidence.GetValueOrDefault("printed_fields") is IReadOnlyList<PrintedFieldResult> printed)
                {
                    var agreed = printed.Where(f => f.Agrees == true).Select(f => f.Field).ToList();
                    agreeing.Add((format, kind, agreed.Count, agreed.Contains(PrintedFields.Surname) || agreed.Contains(PrintedFields.DocumentNumber)));
                }
                if (verbose)
                    Console.WriteLine($"    {format.ToWire()} {kind} {name} #{n}: {result.Status} {string.Join(",", result.ReasonCodes)} " +
                                      System.Text.Json.JsonSerializer.Serialize(result.Evidence.GetValueOrDefault("printed_fields")) + " " +
                                      System.Text.Json.JsonSerializer.Serialize((result.Evidence.GetValueOrDefault("signals") as IEnumerable<DocumentSignal> ?? []).Where(s => s.Status is "fail" or "review")));
                foreach (var reason in result.ReasonCodes.Where(r => r != "document_checks_passed"))
                    reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                if (outDir is not null && (n == 0 || (kind == "genuine") != (result.Status == CheckStatus.Pass)))
                {
                    var stem = Path.Combine(outDir, $"{format.ToWire()}-{Array.IndexOf(Classes, kind)}-{Array.FindIndex(Captures, c => c.Name == name)}-{n}");
                    File.WriteAllBytes(stem + "-front.img", images.Front);
                    if (images.Back is { } back)
                        File.WriteAllBytes(stem + "-back.img", back);
                }
            }
            var perChar = SpecimenRenderer.PixelsPerMrzChar(format, width(format));
            Console.WriteLine($"| {format.ToWire()} {(format == MrzFormat.Td1 ? "front+back" : "data page")} | {kind} | {name} | {perChar:F0} | {pass}/{perCell} | {review}/{perCell} | {fail}/{perCell} | " +
                              string.Join(", ", reasons.OrderByDescending(r => r.Value).Select(r => $"{r.Key} ({r.Value})")) + " |");
        }
        Console.WriteLine();
        Console.WriteLine("printed fields agreeing with the MRZ (surname or number among them), documents per count:");
        foreach (var group in agreeing.GroupBy(a => (a.Format, a.Kind)))
            Console.WriteLine($"  {group.Key.Format.ToWire()} {group.Key.Kind}: " + string.Join(", ",
                Enumerable.Range(0, 8).Select(k => $"{k}: {group.Count(a => a.Agreeing == k && a.Anchored)}")) + $", unanchored: {group.Count(a => !a.Anchored)}");
        ms.Sort();
        Console.WriteLine($"\nengine time per document: median {ms[ms.Count / 2]:F0} ms, p90 {ms[(int)(ms.Count * 0.9)]:F0} ms (n={ms.Count})");
    }

    internal static int Dpi(MrzFormat format, int dpi) => (int)MathF.Round((format == MrzFormat.Td1 ? 85.6f : 125f) / 25.4f * dpi);

    private static int PerChar(MrzFormat format, float perChar) => (int)MathF.Round(perChar / SpecimenRenderer.PixelsPerMrzChar(format, 1));

    /// <summary>The birth date's check digit replaced by another digit, the rest of the MRZ untouched.</summary>
    internal static string[] AlterBirthCheckDigit(IReadOnlyList<string> lines, MrzFormat format, Random random)
    {
        var altered = lines.ToArray();
        var column = format == MrzFormat.Td1 ? 6 : 19;
        var digit = (altered[1][column] - '0' + random.Next(1, 10)) % 10;
        altered[1] = altered[1][..column] + (char)('0' + digit) + altered[1][(column + 1)..];
        return altered;
    }
}
