using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Models;
using Ekyc.Verification.Ocr;

namespace Ekyc.Bench;

/// <summary>
/// <c>documents-accuracy [--per-cell N] [--px P] [--verbose] [--out DIR]</c>: MRZ character accuracy of the OCR on rendered documents by pixels per
/// character and degradation, with how often a wrong reading was still caught by the check digits.
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
        var perCell = Array.IndexOf(args, "--per-cell") is var i and >= 0 ? int.Parse(args[i + 1]) : 4;
        var verbose = args.Contains("--verbose");
        var outDir = Array.IndexOf(args, "--out") is var o and >= 0 ? Directory.CreateDirectory(args[o + 1]).FullName : null;
        var only = Array.IndexOf(args, "--px") is var p and >= 0 ? float.Parse(args[p + 1]) : (float?)null;
        using var models = ModelStore.Locate();
        var options = new DocumentOptions();
        var reader = new MrzReader(new TextDetector(models), new TextRecognizer(models));
        var renderer = new SpecimenRenderer(SpecimenRenderer.DebianOcrBPath);
        var random = new Random(7);
        Console.WriteLine("| format | px/char | capture | char accuracy | exact | wrong but check digits valid | check digit fails: sure (fail) / unsure (review) | sharpness (Laplacian var.) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var format in new[] { MrzFormat.Td3, MrzFormat.Td1 })
        foreach (var perChar in only is { } px ? [px] : new[] { 10f, 13f, 15f, 18f, 24f })
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
                    if (a < 1 && outDir is not null)
                        File.WriteAllBytes(Path.Combine(outDir, $"{format.ToWire()}-{perChar}px-{Array.FindIndex(Degradations, d => d.Name == name)}-{n}.img"), bytes);
                    if (a < 1 && verbose)
                        Console.WriteLine($"    certainty {reading.FailingFieldsCertainty}\n    expected {string.Join(" / ", expected)}\n    raw      {string.Join(" / ", reading.RawLines)}\n    parsed   {string.Join(" / ", actual)}");
                }
            }
            Console.WriteLine($"| {format.ToWire()} | {perChar} | {name} | {accuracy / perCell:P2} | {exact}/{perCell} | {silent}/{perCell} | {wronglyFailed} / {reviewed} | {sharpness / perCell:F0} |");
        }
    }

    private static MrzFields RandomFields(Random random, MrzFormat format)
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
