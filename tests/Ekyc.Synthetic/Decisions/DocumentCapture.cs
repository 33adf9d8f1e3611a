using Ekyc.Synthetic.Capture;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using SkiaSharp;

namespace Ekyc.Synthetic.Decisions;

/// <summary>Renders one side of a document as the customer's capture condition would deliver it.</summary>
public static partial class DocumentCapture
{
    private const float MmPerInch = 25.4f;

    /// <param name="side"><c>Full</c> a passport page; <c>CardFront</c> / <c>CardBack</c> the two sides of an ID card.</param>
    /// <param name="dateStyle">How the document prints its dates (both sides of a card alike).</param>
    /// <param name="design">The issuer's page design.</param>
    public static byte[] Render(SpecimenRenderer renderer, MrzFields printed, IReadOnlyList<string> mrz, byte[] portrait,
        DocumentSide side, PrintedDateStyle dateStyle, SpecimenDesign design, CaptureCondition condition, Random random, int seed)
    {
        var widthMm = printed.Format == MrzFormat.Td1 ? 85.6f : 125f;
        int Width(double dpi) => (int)Math.Round(dpi / MmPerInch * widthMm);
        var page = Page(mrz, portrait, side, dateStyle, design, seed);
        switch (condition)
        {
            case CaptureCondition.Scan300Dpi:
                return renderer.Render(printed, page with { Width = Width(300), Noise = 1.5f, JpegQuality = 92 });
            case CaptureCondition.Rotated:
                var angle = (float)(Uniform(random, 2, 6) * (random.Next(2) == 0 ? -1 : 1));
                return renderer.Render(printed, page with { Width = Width(Uniform(random, 200, 300)), RotationDegrees = angle, BlurSigma = 0.4f, Noise = 2, JpegQuality = 90 });
            case CaptureCondition.Jpeg70To95:
                return renderer.Render(printed, page with
                {
                    Width = Width(Uniform(random, 220, 300)),
                    JpegQuality = random.Next(70, 96),
                    Noise = (float)Uniform(random, 1, 3),
                    BlurSigma = (float)Uniform(random, 0, 0.6),
                });
            case CaptureCondition.Phone150DpiUnevenLight:
                // The page printed at 300 dpi, photographed at half that: ~15 px per MRZ character on an ID card.
                return PhonePhoto(renderer, printed, page, 150, random, seed);
            case CaptureCondition.PhoneAtAngle:
                return AtAngle(renderer.Render(printed, page with { Width = Width(300), JpegQuality = 95 }), random, seed);
            default:
                return Unseen(renderer, printed, page, condition, random, seed);
        }
    }

    /// <summary>One side photographed by a phone at about <paramref name="dpi"/> (see <see cref="PhonePhoto"/>).</summary>
    public static byte[] RenderPhonePhoto(SpecimenRenderer renderer, MrzFields printed, IReadOnlyList<string> mrz, byte[] portrait,
        DocumentSide side, PrintedDateStyle dateStyle, SpecimenDesign design, double dpi, Random random, int seed) =>
        PhonePhoto(renderer, printed, Page(mrz, portrait, side, dateStyle, design, seed), dpi, random, seed);

    private static SpecimenOptions Page(IReadOnlyList<string> mrz, byte[] portrait, DocumentSide side, PrintedDateStyle dateStyle,
        SpecimenDesign design, int seed) => new()
    {
        Design = design,
        Portrait = portrait,
        MrzLines = mrz,
        Seed = seed,
        DrawMrz = side != DocumentSide.CardFront,
        DrawPrinted = side != DocumentSide.CardBack,
        DateStyle = dateStyle,
    };

    /// <summary>
    /// A phone photo under a lamp brighter on one side, the document at about <paramref name="dpi"/> camera pixels per
    /// inch (the frame adds a margin around it); the page is printed at 300 dpi, or at the camera's resolution above that.
    /// </summary>
    /// <param name="scene">Changes the scene before the shot (a glare, a bent page); <paramref name="shot"/> the camera's settings.</param>
    private static byte[] PhonePhoto(SpecimenRenderer renderer, MrzFields printed, SpecimenOptions page, double dpi, Random random, int seed,
        Func<IScene, IScene>? scene = null, Func<CameraShot, CameraShot>? shot = null)
    {
        var widthMm = printed.Format == MrzFormat.Td1 ? 85.6f : 125f;
        var printDpi = Math.Max(300, dpi);
        using var paper = Decode(renderer.Render(printed, page with { Width = (int)Math.Round(printDpi / MmPerInch * widthMm) }));
        var tilt = Uniform(random, 0.25, 0.45) * (random.Next(2) == 0 ? -1 : 1);
        var camera = new CameraShot
        {
            Scale = dpi / printDpi * Uniform(random, 0.95, 1.1),
            RotationDegrees = Uniform(random, -3, 3),
            Keystone = Uniform(random, -0.04, 0.04),
            LensBlur = Uniform(random, 0.45, 0.8),
            Noise = Uniform(random, 0.004, 0.012),
            JpegQuality = random.Next(80, 93),
            Seed = seed,
        };
        IScene paperScene = new PaperScene(paper, tilt);
        return SimulatedCamera.Photograph(scene?.Invoke(paperScene) ?? paperScene, shot?.Invoke(camera) ?? camera);
    }

    /// <summary>The page on a desk (<see cref="DeskPhoto"/>), photographed turned 8–15° and in perspective at 170–220 dpi.</summary>
    private static byte[] AtAngle(byte[] page300Dpi, Random random, int seed)
    {
        using var page = Decode(page300Dpi);
        var sign = random.Next(2) == 0 ? -1 : 1;
        return DeskPhoto.Photograph(page, Uniform(random, -0.3, 0.3), new CameraShot
        {
            Scale = Uniform(random, 170, 220) / 300,
            RotationDegrees = sign * Uniform(random, 8, 15),
            Keystone = Uniform(random, -0.15, 0.15),
            LensBlur = Uniform(random, 0.45, 0.7),
            Noise = Uniform(random, 0.004, 0.01),
            JpegQuality = random.Next(82, 93),
            Seed = seed,
        });
    }

    internal static SKBitmap Decode(byte[] encoded)
    {
        using var bitmap = SKBitmap.Decode(encoded) ?? throw new InvalidDataException("Undecodable image.");
        return bitmap.Copy(SKColorType.Rgba8888);
    }

    internal static double Uniform(Random random, double min, double max) => min + (max - min) * random.NextDouble();
}
