using System.Text.Json;
using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Synthetic.Capture;
using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Forensics;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Tests.Documents.Recapture;
using SkiaSharp;
using Xunit.Abstractions;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>
/// The screen-recapture measure and its signal: simulated screen recaptures must be flagged, genuine captures
/// (rendered, photographed paper, resized uploads), a page with a patch of fine periodic print, and real photos not.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class ScreenRecaptureTests(OcrFixture ocr, ITestOutputHelper output)
{
    private static readonly DocumentOptions Options = new();
    // Generated once for the class: the camera simulation costs ~1 s an image.
    private static readonly Lazy<List<LabelledImage>> Resolved = new(() => RecaptureSets.Recaptures(24, 7, 1.15, 4.5));
    private static readonly Lazy<List<LabelledImage>> Unresolved = new(() => RecaptureSets.Recaptures(8, 8, 0.8, 1.15));

    [Fact]
    public void Fft_matches_a_direct_transform()
    {
        const int n = 16;
        var random = new Random(3);
        var (re, im) = (new float[n * n], new float[n * n]);
        for (var i = 0; i < re.Length; i++)
            (re[i], im[i]) = ((float)random.NextDouble() - 0.5f, (float)random.NextDouble() - 0.5f);
        var (inRe, inIm) = ((float[])re.Clone(), (float[])im.Clone());

        new Fft2D(n).Forward(re, im);

        for (var v = 0; v < n; v++)
        for (var u = 0; u < n; u++)
        {
            double sr = 0, si = 0;
            for (var y = 0; y < n; y++)
            for (var x = 0; x < n; x++)
            {
                var angle = -2 * Math.PI * (u * x + v * y) / n;
                sr += inRe[y * n + x] * Math.Cos(angle) - inIm[y * n + x] * Math.Sin(angle);
                si += inRe[y * n + x] * Math.Sin(angle) + inIm[y * n + x] * Math.Cos(angle);
            }
            Assert.Equal(sr, re[v * n + u], 3);
            Assert.Equal(si, im[v * n + u], 3);
        }
    }

    [Fact]
    public void Synthetic_grating_is_found_at_its_period_and_angle()
    {
        // A grey page with a faint sinusoidal grating, period 3.2 px at 20°, under noise.
        using var bitmap = new SKBitmap(new SKImageInfo(800, 600, SKColorType.Rgba8888, SKAlphaType.Premul));
        var random = new Random(5);
        var pixels = new byte[800 * 600 * 4];
        var (kx, ky) = (Math.Cos(20 * Math.PI / 180) / 3.2, Math.Sin(20 * Math.PI / 180) / 3.2);
        for (var y = 0; y < 600; y++)
        for (var x = 0; x < 800; x++)
        {
            var value = 150 + 6 * Math.Cos(2 * Math.PI * (kx * x + ky * y)) + 8 * (random.NextDouble() - 0.5);
            var i = 4 * (y * 800 + x);
            pixels[i] = pixels[i + 1] = pixels[i + 2] = (byte)value;
            pixels[i + 3] = 255;
        }
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);

        var m = ScreenRecapture.Measure(bitmap)!;

        Assert.InRange(m.LumaPeriod, 3.05, 3.35);
        Assert.InRange(m.LumaAngle, 17, 23);
        Assert.Equal(m.Tiles, m.LumaTiles);
        Assert.True(m.Luma.Decibels > 20, $"{m.Luma.Decibels:F1} dB");
        Assert.True(m.Chroma.Decibels < Options.RecaptureChromaPeakDb, "a grey grating has no chroma");
    }

    [Fact]
    public void Simulated_recaptures_are_flagged()
    {
        var all = Resolved.Value.Concat(Unresolved.Value).ToList();
        var flagged = all.Count(Flagged);
        var resolved = Resolved.Value.Count(Flagged);
        var unresolved = Unresolved.Value.Count(Flagged);
        output.WriteLine($"flagged {flagged}/{all.Count}: ratio 1.15–4.5 {resolved}/{Resolved.Value.Count}, ratio 0.8–1.15 {unresolved}/{Unresolved.Value.Count}");
        Assert.True(flagged >= 0.9 * all.Count, $"{flagged}/{all.Count} recaptures flagged");
        Assert.True(resolved >= 0.9 * Resolved.Value.Count, $"{resolved}/{Resolved.Value.Count} recaptures at 1.15–4.5 camera px per screen px flagged");
    }

    [Fact]
    public void Genuine_captures_are_not_flagged()
    {
        var genuine = RecaptureSets.RenderedCaptures(36, 13).Concat(RecaptureSets.PaperPhotos(12, 11)).ToList();
        var flagged = genuine.Where(Flagged).Select(g => g.Name).ToList();
        output.WriteLine($"flagged {flagged.Count}/{genuine.Count}");
        Assert.Empty(flagged);
    }

    [Fact]
    public void Real_photos_are_not_flagged()
    {
        var photos = RecaptureSets.RealPhotos().ToList();
        var measured = photos.Where(p => Measure(p) is not null).ToList();
        var flagged = measured.Where(Flagged).Select(g => g.Name).ToList();
        output.WriteLine($"measured {measured.Count}/{photos.Count} (the rest are under six tiles), flagged {flagged.Count}");
        Assert.True(measured.Count >= 25, $"only {measured.Count} photos large enough");
        Assert.Empty(flagged);
    }

    [Fact]
    public void A_patch_of_fine_periodic_print_is_not_flagged()
    {
        // Security print: a 320×200 px patch of fine lines 3 px apart (guilloche-like) on an otherwise plain page.
        var page = RecaptureSets.RenderedCaptures(1, 21).Single();
        using var bitmap = OcrFixture.Decode(page.Encoded);
        using (var canvas = new SKCanvas(bitmap))
        using (var ink = new SKPaint { Color = new SKColor(120, 130, 170), StrokeWidth = 1.2f, IsAntialias = true })
            for (var x = 0f; x < 320; x += 3)
                canvas.DrawLine(bitmap.Width / 3f + x, bitmap.Height / 3f, bitmap.Width / 3f + x + 40, bitmap.Height / 3f + 200, ink);

        var m = ScreenRecapture.Measure(bitmap)!;

        Log(m, "page with a fine-line patch");
        Assert.False(Suspected(m), "one patch of periodic print must not look like a screen");
    }

    [Fact]
    public void A_recaptured_document_goes_to_review_and_a_genuine_one_passes_the_signal()
    {
        var verifier = new DocumentVerifier(ocr.Models, new DocumentOptions { RequirePortrait = false, ReadPrintedFields = false });
        var today = new DateOnly(2026, 11, 26);
        var passport = OcrFixture.Renderer().Render(SyntheticMrzReadingTests.Passport, new SpecimenOptions { Width = 1600 });
        using var page = OcrFixture.Decode(passport);
        // The passport on a phone screen 1,000 px wide, photographed at 1.45 camera pixels per screen pixel.
        var photo = SimulatedCamera.Photograph(new ScreenScene(page, 1000, new ScreenModel()),
            new CameraShot { Scale = 1.45, RotationDegrees = 2, LensBlur = 0.7, Noise = 0.008, JpegQuality = 88 });

        var recaptured = verifier.Verify(new DocumentImages(photo, null, "passport"), today, CancellationToken.None).Authenticity;
        var genuine = verifier.Verify(new DocumentImages(OcrFixture.Renderer().Render(SyntheticMrzReadingTests.Passport,
            new SpecimenOptions { Width = 1500, JpegQuality = 90, Noise = 3 }), null, "passport"), today, CancellationToken.None).Authenticity;

        var signal = Signal(recaptured, "front_recapture");
        output.WriteLine($"{recaptured.Status}: {string.Join(", ", recaptured.ReasonCodes)}; {JsonSerializer.Serialize(signal)}");
        Assert.Equal(DocumentSignal.Review, signal.Status);
        Assert.Equal("screen_recapture_suspected", signal.Reason);
        // The MRZ still reads and checks out: the recapture alone sends the document to review, never to a failure.
        Assert.Equal(CheckStatus.Review, recaptured.Status);
        Assert.Equal(["screen_recapture_suspected"], recaptured.ReasonCodes);
        Assert.Contains(recaptured.Timings, t => t.Stage == "front_recapture");
        Assert.Equal(DocumentSignal.Pass, Signal(genuine, "front_recapture").Status);
        Assert.Equal(CheckStatus.Pass, genuine.Status);
    }

    [Fact]
    public void The_decision_sets_documents_shown_on_a_screen_go_to_review_for_their_recapture()
    {
        var generator = OcrFixture.DecisionSet();
        var verifier = new DocumentVerifier(ocr.Models, new DocumentOptions());
        var labels = generator.Plan(2, seed: 101).Where(l => l.Class == DecisionClass.DocumentScreenReplay).ToList();
        Assert.Equal(["passport", "id_card"], labels.Select(l => l.DocumentType));

        foreach (var label in labels)
        {
            var (front, back) = generator.RenderDocument(label);
            var authenticity = verifier.Verify(new DocumentImages(front, back, label.DocumentType), new DateOnly(2026, 12, 7), CancellationToken.None).Authenticity;

            output.WriteLine($"{label.Id}: {authenticity.Status} {string.Join(", ", authenticity.ReasonCodes)}");
            Assert.Equal(CheckStatus.Review, authenticity.Status);
            Assert.Contains("screen_recapture_suspected", authenticity.ReasonCodes);
        }
    }

    [Fact]
    public void A_document_shown_on_a_screen_and_photographed_with_the_grid_blurred_weak_goes_to_review()
    {
        // Seed 731's fourth screen replay: 1.69 camera px per screen px, lens blur σ 0.99 px. Its strongest luma peak
        // (12.2 dB, 7 of 12 tiles) and chroma peak (11.9 dB) stay under their thresholds; the grid's aliased
        // fundamental (2.44 px) stands 10.9 dB out in all 12 tiles.
        var generator = OcrFixture.DecisionSet();
        var verifier = new DocumentVerifier(ocr.Models, new DocumentOptions());
        var label = generator.Plan(4, seed: 731).Single(l => l.Id == "document_screen_replay-002");
        var (front, back) = generator.RenderDocument(label);

        var authenticity = verifier.Verify(new DocumentImages(front, back, label.DocumentType), new DateOnly(2026, 12, 7), CancellationToken.None).Authenticity;

        var signal = Signal(authenticity, "front_recapture");
        output.WriteLine($"{authenticity.Status}: {string.Join(", ", authenticity.ReasonCodes)}; {JsonSerializer.Serialize(signal)}");
        Assert.Equal(DocumentSignal.Review, signal.Status);
        Assert.Equal(CheckStatus.Review, authenticity.Status);
        Assert.Contains("screen_recapture_suspected", authenticity.ReasonCodes);
    }

    private static DocumentSignal Signal(CheckResult result, string code) =>
        ((IReadOnlyList<DocumentSignal>)result.Evidence["signals"]!).Single(s => s.Code == code);

    private bool Flagged(LabelledImage image) => Measure(image) is { } m && Suspected(m);

    private static bool Suspected(ScreenRecapture m) => m.Suspected(Options) || m.GridEverywhere(Options);

    private ScreenRecapture? Measure(LabelledImage image)
    {
        var (decoded, rejection) = ImageDecoder.Decode(image.Encoded, Options);
        Assert.True(decoded is not null, rejection?.Detail);
        using (decoded)
        {
            var m = ScreenRecapture.Measure(decoded.Bitmap);
            if (m is not null)
                Log(m, image.Name);
            return m;
        }
    }

    private void Log(ScreenRecapture m, string name) => output.WriteLine(
        $"{(Suspected(m) ? "FLAG" : "    ")} luma {m.Luma.Decibels,5:F1} dB {m.LumaTiles,2}/{m.Tiles} tiles, {m.LumaPeriod,5:F2} px {m.LumaAngle,6:F1}°  " +
        $"chroma {m.Chroma.Decibels,5:F1} dB {m.ChromaTiles,2}/{m.Tiles}  | {name}");
}
