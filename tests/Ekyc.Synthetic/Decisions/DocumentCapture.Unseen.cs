using Ekyc.Synthetic.Capture;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using SkiaSharp;

namespace Ekyc.Synthetic.Decisions;

/// <summary>The capture conditions of <see cref="CaptureConditions.Unseen"/>: the phone photo or the desk photo, changed one way each.</summary>
public static partial class DocumentCapture
{
    private static byte[] Unseen(SpecimenRenderer renderer, MrzFields printed, SpecimenOptions page, CaptureCondition condition, Random random, int seed)
    {
        var dpi = Uniform(random, 170, 220);
        switch (condition)
        {
            case CaptureCondition.PhoneSideways:
                return PhonePhoto(renderer, printed, page, dpi, random, seed, shot: s => s with { QuarterTurns = random.Next(2) == 0 ? 1 : 3 });
            case CaptureCondition.PhoneUpsideDown:
                return PhonePhoto(renderer, printed, page, dpi, random, seed, shot: s => s with { QuarterTurns = 2 });
            case CaptureCondition.PhoneSidewaysExif:
                var turns = random.Next(2) == 0 ? 1 : 3;
                // Pixels stored turned clockwise are viewed upright turned counter-clockwise (8), and the other way (6).
                return ExifWriter.WithExif(PhonePhoto(renderer, printed, page, dpi, random, seed, shot: s => s with { QuarterTurns = turns }), turns == 1 ? (ushort)8 : (ushort)6);
            case CaptureCondition.SmallOnClutteredDesk:
                return SmallOnDesk(renderer, printed, page, random, seed);
            case CaptureCondition.GlareSpot:
                return PhonePhoto(renderer, printed, page, dpi, random, seed, scene: s => new GlareScene(s,
                    Uniform(random, 0.15, 0.85) * s.Width, Uniform(random, 0.15, 0.85) * s.Height, Uniform(random, 0.05, 0.1) * s.Width, Uniform(random, 0.8, 1.6)));
            case CaptureCondition.MotionBlur:
                return PhonePhoto(renderer, printed, page, dpi, random, seed, shot: s => s with { MotionBlur = Uniform(random, 2, 5), MotionDegrees = Uniform(random, 0, 180) });
            case CaptureCondition.LowLight:
                return PhonePhoto(renderer, printed, page, dpi, random, seed, shot: s => s with
                {
                    Exposure = Uniform(random, 0.15, 0.25),
                    Gain = Uniform(random, 2.5, 3.5),
                    Noise = Uniform(random, 0.015, 0.025),
                });
            case CaptureCondition.ColourCast:
                var cast = Casts[random.Next(Casts.Length)];
                var jitter = Uniform(random, 0.95, 1.05);
                return PhonePhoto(renderer, printed, page, dpi, random, seed, shot: s => s with { WhiteBalance = (cast.R * jitter, cast.G, cast.B / jitter) });
            case CaptureCondition.CurvedPage:
                return PhonePhoto(renderer, printed, page, dpi, random, seed, scene: s => new CurvedPageScene(s, Uniform(random, 0.01, 0.03) * (random.Next(2) == 0 ? -1 : 1)));
            case CaptureCondition.Screenshot700PxPng:
                return Screenshot(PhonePhoto(renderer, printed, page, Uniform(random, 150, 200), random, seed), random.Next(640, 761));
            default:
                throw new ArgumentOutOfRangeException(nameof(condition), condition, null);
        }
    }

    /// <summary>White balances that missed the lamp: tungsten (orange), fluorescent (green), shade (blue).</summary>
    private static readonly (double R, double G, double B)[] Casts = [(1.0, 0.85, 0.55), (0.85, 1.0, 0.8), (0.75, 0.9, 1.1)];

    /// <summary>The page 30–45 % of the frame's width on a cluttered desk, at 160–220 dpi, turned up to 5° and in slight perspective.</summary>
    private static byte[] SmallOnDesk(SpecimenRenderer renderer, MrzFields printed, SpecimenOptions page, Random random, int seed)
    {
        var widthMm = printed.Format == MrzFormat.Td1 ? 85.6f : 125f;
        using var paper = Decode(renderer.Render(printed, page with { Width = (int)Math.Round(300 / MmPerInch * widthMm), JpegQuality = 95 }));
        return DeskPhoto.PhotographSmall(paper, Uniform(random, 0.3, 0.45), Uniform(random, -0.3, 0.3), new CameraShot
        {
            Scale = Uniform(random, 160, 220) / 300,
            RotationDegrees = Uniform(random, -5, 5),
            Keystone = Uniform(random, -0.05, 0.05),
            LensBlur = Uniform(random, 0.5, 0.8),
            Noise = Uniform(random, 0.004, 0.01),
            JpegQuality = random.Next(82, 93),
            Seed = seed,
        }, random);
    }

    /// <summary>A screenshot of the photo shown on a phone: the whole frame resampled to <paramref name="width"/> px and saved as PNG.</summary>
    private static byte[] Screenshot(byte[] photo, int width)
    {
        using var frame = Decode(photo);
        using var small = frame.Resize(new SKImageInfo(width, (int)Math.Round((double)frame.Height * width / frame.Width), SKColorType.Rgba8888, SKAlphaType.Premul),
            new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = SKImage.FromBitmap(small);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
