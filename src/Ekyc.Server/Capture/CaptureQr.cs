using QRCoder;

namespace Ekyc.Server.Capture;

/// <summary>
/// The QR code a desktop shows so a phone can take over: SVG, error correction M, with its pixel size in width and
/// height so the page draws every module on a whole number of pixels (a scaled code mixes 4 and 5 px modules, which
/// scanners misread more often).
/// </summary>
public static class CaptureQr
{
    public const int PixelsPerModule = 5;

    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(PixelsPerModule, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.WidthHeightAttribute);
    }
}
