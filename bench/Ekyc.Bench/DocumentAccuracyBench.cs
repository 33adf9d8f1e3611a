using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Glyphs;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Models;
using Ekyc.Verification.Ocr;

namespace Ekyc.Bench;

/// <summary>
/// <c>documents-accuracy [--per-cell N] [--px P,Q,…] [--verbose] [--out DIR]</c>: MRZ character accuracy of the OCR on rendered documents by
/// pixels per character and degradation, with how often a wrong reading was still caught by the check digits, then the
/// certainty of the failing fields on genuine misreads against pages with an altered check digit (<c>--decisions</c>: see
/// <see cref="DocumentDecisionTable"/>).
/// </summary>
public static class DocumentAccuracyBench
{
    private static readonly (string Name, SpecimenOptions Options)[] Degradations =
    [
        ("clean png", new SpecimenOptions { Noise = 2 }),
        ("rot 2°, blur 0.8, jpeg 80", new SpecimenOptions { RotationDegrees = 2, BlurSigma = 0.8f, JpegQuality = 80, Noise = 3 }),
        ("rot -3°, blur 1.5, noise 6, jpeg 70", new SpecimenOptions { RotationDegrees = -3, BlurSigma = 1.5f, JpegQuality = 70, Noise = 6 }),
    ];

    public static void Run(string[] args)
    {
        if (args.Contains("--decisions"))
        {
            DocumentDecisionTable.Run(args);
            return;
        }
        var perCell = Array.IndexOf(args, "--per-cell") is var i and >= 0 ? int.Parse(args[i + 1]) : 4;
        var verbose = args.Contains("--verbose");
        var outDir = Array.IndexOf(args, "--out") is var o and >= 0 ? Directory.CreateDirectory(args[o + 1]).FullName : null;
        var pixels = Array.IndexOf(args, "--px") is var p and >= 0
            ? args[p + 1].Split(',').Select(v => float.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : [10f, 11f, 12f, 13f, 15f, 18f, 24f];
        var certainties = new List<(MrzFormat Format, float PerChar, bool Tampered, float Certainty, float Repair)>();
        using var models = ModelStore.Locate(int8: Quantization.Int8Option.Parse(args));
        var options = new DocumentOptions();
        var reader = new MrzReader(new TextDetector(models), new TextRecognizer(models), OcrBGlyphs.Installed);
        var renderer = new SpecimenRenderer(OcrBFont.Path);
        var random = new Random(7);
        Console.WriteLine("| format | px/char | capture | char accuracy | exact | wrong but check digits valid | check digit fails: sure (fail) / unsure (review) | sharpness (Laplacian var.) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var format in new[] { MrzFormat.Td3, MrzFormat.Td1 })
        foreach (var perChar in pixels)
        foreach (var (name, degradation) in Degradations)
        {
            double accuracy = 0, sharpness = 0;
            int exact = 0, silent = 0, wronglyFailed = 0, reviewed = 0;
            for (var n = 0; n < perCell; n++)
            {
                var fields = RandomFields(random, format);
                var width = (int)MathF.Round(perChar / SpecimenRenderer.PixelsPerMrzChar(format, 1));
                var bytes = renderer.Render(fields, degradation with { Width = width, Seed = n });
                var (image, _) = ImageDecoder.Decode(bytes, options);
                using (image)
                {
                    sharpness += ImageQuality.Measure(image!.Bitmap).LaplacianVariance;
                    var reading = reader.Read(image.Bitmap);
                    var expected = MrzWriter.Write(fields);
                    var actual = reading.Parse?.Mrz?.Lines ?? reading.RawLines;
                    var a = MrzAccuracy.CharacterAccuracy(expected, actual);
                    accuracy += a;
                    if (a == 1)
                        exact++;
                    else if (reading.Parse?.Mrz is { ChecksValid: true, FieldErrors.Count: 0 })
                        silent++;
                    if (reading.Parse?.Mrz is { ChecksValid: false })
                    {
                        if (DocumentAssessment.CheckFailureMayBeTheOcrs(reading, options))
                            reviewed++;
                        else
                            wronglyFailed++;
                    }
                    if (reading is { FailingFieldsCertainty: { } genuineCertainty, RepairLikelihood: { } genuineRepair })
                        certainties.Add((format, perChar, false, genuineCertainty, genuineRepair));
                    if (Tampered(reader, renderer, fields, degradation with { Width = width, Seed = n }, random, options) is { FailingFieldsCertainty: { } c, RepairLikelihood: { } r })
                        certainties.Add((format, perChar, true, c, r));
                    if (a < 1 && outDir is not null)
                        File.WriteAllBytes(Path.Combine(outDir, $"{format.ToWire()}-{perChar}px-{Array.FindIndex(Degradations, d => d.Name == name)}-{n}.img"), bytes);
                    if (a < 1 && verbose)
                        Console.WriteLine($"    certainty {reading.FailingFieldsCertainty}\n    expected {string.Join(" / ", expected)}\n    raw      {string.Join(" / ", reading.RawLines)}\n    parsed   {string.Join(" / ", actual)}");
                }
            }
            Console.WriteLine($"| {format.ToWire()} | {perChar} | {name} | {accuracy / perCell:P2} | {exact}/{perCell} | {silent}/{perCell} | {wronglyFailed} / {reviewed} | {sharpness / perCell:F0} |");
        }
        PrintCertainties(certainties);
    }

    /// <summary>
    /// The same page read with its birth-date check digit altered.
    /// </summary>
    private static MrzReading Tampered(MrzReader reader, SpecimenRenderer renderer, MrzFields fields, SpecimenOptions options, Random random, DocumentOptions engine)
    {
        var bytes = renderer.Render(fields, options with { MrzLines = DocumentDecisionTable.AlterBirthCheckDigit(MrzWriter.Write(fields), fields.Format, random) });
        var (image, _) = ImageDecoder.Decode(bytes, engine);
        using (image)
            return reader.Read(image!.Bitmap);
    }

    /// <summary>
    /// Per format and resolution: the lowest character probability in the failing fields on genuine misreads and on
    /// altered check digits, and how many of each a certainty threshold would fail.
    /// </summary>
    private static void PrintCertainties(List<(MrzFormat Format, float PerChar, bool Tampered, float Certainty, float Repair)> all)
    {
        double[] certainties = [0.5, 0.7, 0.9];
        double[] repairs = [0.001, 0.01, 0.05, 0.2];
        Console.WriteLine();
        Console.WriteLine("| format | px/char | failing checks: genuine / altered | certainty: genuine max / altered min, median | " +
                          string.Join(" | ", certainties.Select(t => $"fail if certainty ≥ {t}")) + " | repair likelihood: genuine min / altered max | " +
                          string.Join(" | ", repairs.Select(t => $"fail if repair < {t}")) + " |");
        Console.WriteLine("|---|---|---|---|" + string.Concat(certainties.Select(_ => "---|")) + "---|" + string.Concat(repairs.Select(_ => "---|")));
        foreach (var cell in all.GroupBy(c => (c.Format, c.PerChar)))
        {
            var genuine = cell.Where(c => !c.Tampered).ToList();
            var altered = cell.Where(c => c.Tampered).ToList();
            string Range(IEnumerable<float> values, bool max) => values.Any() ? (max ? values.Max() : values.Min()).ToString("F3") : "–";
            var medianCertainty = altered.Count == 0 ? "–" : altered.Select(a => a.Certainty).Order().ElementAt(altered.Count / 2).ToString("F3");
            Console.WriteLine($"| {cell.Key.Format.ToWire()} | {cell.Key.PerChar} | {genuine.Count} / {altered.Count} | " +
                              $"{Range(genuine.Select(g => g.Certainty), true)} / {Range(altered.Select(a => a.Certainty), false)}, {medianCertainty} | " +
                              string.Join(" | ", certainties.Select(t => $"{genuine.Count(g => g.Certainty >= t)} / {altered.Count(a => a.Certainty >= t)}")) + " | " +
                              $"{Range(genuine.Select(g => g.Repair), false)} / {Range(altered.Select(a => a.Repair), true)} | " +
                              string.Join(" | ", repairs.Select(t => $"{genuine.Count(g => g.Repair < t)} / {altered.Count(a => a.Repair < t)}")) + " |");
        }
    }

    internal static MrzFields RandomFields(Random random, MrzFormat format)
    {
        string Text(string alphabet, int length) => new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        const string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        const string alnum = letters + "0123456789";
        string Date(int from, int to) => $"{random.Next(from, to) % 100:00}{random.Next(1, 13):00}{random.Next(1, 29):00}";
        return new MrzFields(format, format == MrzFormat.Td3 ? "P" : "ID", "FRA", Text(letters, random.Next(4, 10)),
            Text(letters, random.Next(3, 7)) + " " + Text(letters, random.Next(3, 7)), Text(alnum, 9), "FRA",
            Date(1940, 2005), random.Next(2) == 0 ? 'M' : 'F', Date(2027, 2036), Text(alnum, random.Next(0, 10)));
    }
}
