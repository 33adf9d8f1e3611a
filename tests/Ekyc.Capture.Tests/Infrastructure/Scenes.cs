using Ekyc.Synthetic.Capture;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using SkiaSharp;

namespace Ekyc.Capture.Tests.Infrastructure;

/// <summary>
/// What the fake camera films and what the file pickers pick, made by code: a passport rendered by the document
/// engine's <see cref="SpecimenRenderer"/> (OCR-B MRZ, a real face as its portrait) lying on a desk, and a real face
/// photo of the same person for the selfie file (the pairing the server's end-to-end test approves). The camera's
/// selfie is a real person's head motion: <see cref="HeadMotion"/>.
/// </summary>
public static class Scenes
{
    public const int Width = 1280;
    public const int Height = 720;

    /// <summary>The holder: surname, given name, birth date (YYMMDD), nationality.</summary>
    public static readonly (string Surname, string Given, string Birth, string Nationality) Holder = ("CAGE", "NICOLAS", "640107", "USA");

    public static byte[] PassportJpeg(bool withMrz = true, int width = 1500)
    {
        var fields = new MrzFields(MrzFormat.Td3, "P", Holder.Nationality, Holder.Surname, Holder.Given, "L8988901C", Holder.Nationality,
            Holder.Birth, 'M', "330114", "");
        return new SpecimenRenderer(OcrBFont.Path).Render(fields,
            new SpecimenOptions { Width = width, JpegQuality = 92, Portrait = Photos.Read("cage2_crop.jpg"), DrawMrz = withMrz });
    }

    public static byte[] SelfieJpeg() => Photos.Read("cage.jpg");

    /// <summary>
    /// The passport page inside the camera's guide frame (the page draws it at 90 % of the height), at 78 % of the frame
    /// height (82-86 % used to lose the MRZ: see <c>CameraFramingTests</c> of the document engine).
    /// </summary>
    public static byte[] PassportOnDesk(bool withMrz = true, float light = 1f, float size = 0.78f, byte[]? passport = null) =>
        Y4m.Encode(PassportFrame(withMrz, light, size, passport));

    /// <summary>The desk with <paramref name="passportJpeg"/> on it (default: this holder's passport).</summary>
    public static SKBitmap PassportFrame(bool withMrz = true, float light = 1f, float size = 0.78f, byte[]? passportJpeg = null) => Frame(canvas =>
    {
        using var passport = SKBitmap.Decode(passportJpeg ?? PassportJpeg(withMrz));
        var height = size * Height;
        var width = height * passport.Width / passport.Height;
        var rect = SKRect.Create((Width - width) / 2, (Height - height) / 2, width, height);
        using var image = SKImage.FromBitmap(passport);
        canvas.DrawImage(image, rect, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }, light);

    private static SKBitmap Frame(Action<SKCanvas> draw, float light = 1f)
    {
        var frame = new SKBitmap(Width, Height);
        using (var canvas = new SKCanvas(frame))
        {
            WoodenDesk.Draw(canvas, Width, Height);
            draw(canvas);
            if (light < 1f)
            {
                using var shade = new SKPaint { Color = new SKColor(0, 0, 0, (byte)Math.Round(255 * (1 - light))) };
                canvas.DrawRect(0, 0, Width, Height, shade);
            }
        }
        return frame;
    }
}
