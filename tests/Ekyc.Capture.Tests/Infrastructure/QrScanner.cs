using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Ekyc.Capture.Tests.Infrastructure;

/// <summary>Reads a QR code from a screenshot, as a phone's camera app would (ZXing).</summary>
public static class QrScanner
{
    public static string Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png).Copy(SKColorType.Bgra8888);
        var source = new RGBLuminanceSource(bitmap.GetPixelSpan().ToArray(), bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        Assert.NotNull(result);
        return result.Text;
    }
}
