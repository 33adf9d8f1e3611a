using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Glyphs;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Models;
using Ekyc.Verification.Ocr;

namespace Ekyc.Bench.Documents;

/// <summary>
/// <c>mrz-boxes [--realistic 2] [--per-cell 6]</c>: how the detector's MRZ line boxes sit on the text, per capture — the
/// ink band's centre relative to the box (in box heights, positive: the box sits high, the ink below its centre) and
/// the box's height over the band's — and the first recognition's line confidence in the detector's box beside the box
/// fitted to the ink band by the engine's rule (<see cref="MrzReader.FitToInk"/>: TD1-long lines of 14 px per character or more), on the realistic set's MRZ sides and on genuine pages of
/// the <c>documents-accuracy --decisions</c> captures; then the engine's MRZ reading: the recognitions of the re-read
/// path and the readings whose check digits all agree.
/// </summary>
internal static class MrzBoxBench
{
    private sealed record Line(float Offset, float HeightPerInk, float Confidence, float CentredConfidence);

    public static void Run(string[] args)
    {
        var perCell = Array.IndexOf(args, "--per-cell") is var i and >= 0 ? int.Parse(args[i + 1]) : 6;
        var realistic = Array.IndexOf(args, "--realistic") is var r and >= 0 ? int.Parse(args[r + 1]) : 2;
        using var models = ModelStore.Locate();
        var detector = new TextDetector(models);
        var recognizer = new TextRecognizer(models);
        var reader = new MrzReader(detector, recognizer, OcrBGlyphs.Installed);
        var options = new DocumentOptions();
        var images = new List<(string Group, byte[] Bytes)>();
        foreach (var d in RealisticDocuments.Load(realistic))
            images.Add(("realistic " + d.Group, d.Back ?? d.Front));
        var renderer = new SpecimenRenderer(OcrBFont.Path);
        var random = new Random(11);
        foreach (var format in new[] { MrzFormat.Td3, MrzFormat.Td1 })
        foreach (var (name, width, capture) in DocumentDecisionTable.Captures)
            for (var n = 0; n < perCell; n++)
            {
                var fields = DocumentAccuracyBench.RandomFields(random, format);
                var page = capture with { Width = width(format), Seed = n, RotationDegrees = capture.RotationDegrees * (n % 2 == 0 ? 1 : -1) };
                images.Add(($"decisions {format}, {name}", renderer.Render(fields, format == MrzFormat.Td1 ? page with { DrawPrinted = false } : page)));
            }

        Console.WriteLine("MRZ line boxes against their ink; the MRZ reading");
        Console.WriteLine("| captures | pages | lines | ink centre − box centre, box heights (median, range) | box height ÷ ink band (median) | detector's box: mean confidence, lines < 0.8 | fitted box: mean confidence, lines < 0.8 | re-read recognitions | check digits agree |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var group in images.GroupBy(x => x.Group))
        {
            var lines = new List<Line>();
            var (rereads, agreeing) = (0, 0);
            foreach (var (_, bytes) in group)
            {
                var (image, _) = ImageDecoder.Decode(bytes, options);
                using (image)
                {
                    var bitmap = image!.Bitmap;
                    var reading = reader.Read(bitmap);
                    rereads += reading.RereadRecognitions;
                    agreeing += reading.Parse?.Mrz?.ChecksValid == true ? 1 : 0;
                    foreach (var line in MrzReader.CandidateLines(TextLine.Group(detector.Detect(bitmap))))
                    {
                        if (InkBand.Measure(bitmap, line.Box) is not { } band)
                            continue;
                        var first = recognizer.Recognize(bitmap, line.Box, [30, 36, 44]);
                        if (first.MrzText.Length < 25)
                            continue;
                        var centred = recognizer.Recognize(bitmap, MrzReader.FitToInk(bitmap, line.Box), [30, 36, 44]);
                        lines.Add(new Line(band.Offset / line.Box.Height, line.Box.Height / band.Height, first.MrzConfidence, centred.MrzConfidence));
                    }
                }
            }
            if (lines.Count == 0)
                continue;
            var offsets = lines.Select(l => l.Offset).Order().ToList();
            Console.WriteLine($"| {group.Key} | {group.Count()} | {lines.Count} | {offsets[offsets.Count / 2]:+0.00;-0.00} ({offsets[0]:+0.00;-0.00} to {offsets[^1]:+0.00;-0.00}) | " +
                              $"{lines.Select(l => l.HeightPerInk).Order().ElementAt(lines.Count / 2):F2} | " +
                              $"{lines.Average(l => l.Confidence):F3}, {lines.Count(l => l.Confidence < 0.8f)} | {lines.Average(l => l.CentredConfidence):F3}, {lines.Count(l => l.CentredConfidence < 0.8f)} | {rereads} | {agreeing} |");
        }
    }
}
