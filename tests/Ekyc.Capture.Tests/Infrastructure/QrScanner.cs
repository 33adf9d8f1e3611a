using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Ekyc.Capture.Tests.Infrastructure;

/// <summary>
/// Reads a QR code from a screenshot, as a phone's camera app would: frame after frame, from slightly different
/// angles and distances. ZXing's finder-pattern search misses about 2 % of valid version-7 codes seen head-on at one
/// size, even drawn perfectly (they read as bare codes), so one view is not what a phone gets.
/// </summary>
public static class QrScanner
{
    private static readonly Dictionary<DecodeHintType, object> Hints = new()
    {
        [DecodeHintType.TRY_HARDER] = true,
        [DecodeHintType.POSSIBLE_FORMATS] = new List<BarcodeFormat> { BarcodeFormat.QR_CODE },
    };

    private static readonly (float Degrees, float Scale)[] Views = [(0, 1), (90, 1), (0, 0.8f), (180, 1.25f), (270, 0.9f)];

    public static string? TryDecode(byte[] png)
    {
        using var screenshot = SKBitmap.Decode(png);
        foreach (var (degrees, scale) in Views)
        {
            using var view = View(screenshot, degrees, scale);
            var source = new RGBLuminanceSource(view.GetPixelSpan().ToArray(), view.Width, view.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
            if (new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), Hints)?.Text is { } text)
                return text;
        }
        return null;
    }

    public static string Decode(byte[] png)
    {
        var text = TryDecode(png);
        Assert.NotNull(text);
        return text;
    }

    /// <summary>The screenshot turned and resized on a white page with a margin, as the code sits on a screen.</summary>
    private static SKBitmap View(SKBitmap screenshot, float degrees, float scale)
    {
        var side = (int)MathF.Ceiling(MathF.Max(screenshot.Width, screenshot.Height) * scale * 1.2f);
        var view = new SKBitmap(new SKImageInfo(side, side, SKColorType.Bgra8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(view);
        canvas.Clear(SKColors.White);
        canvas.Translate(side / 2f, side / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Scale(scale);
        using var image = SKImage.FromBitmap(screenshot);
        canvas.DrawImage(image, -screenshot.Width / 2f, -screenshot.Height / 2f, new SKSamplingOptions(SKFilterMode.Linear));
        return view;
    }
}
