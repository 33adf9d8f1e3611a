using QRCoder;

namespace Ekyc.Server.Capture;

/// <summary>The QR code a desktop shows so a phone can take over: SVG, sized by its viewBox, error correction M.</summary>
public static class CaptureQr
{
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
