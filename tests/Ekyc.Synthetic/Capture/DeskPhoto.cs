using SkiaSharp;

namespace Ekyc.Synthetic.Capture;

/// <summary>A page lying on a wooden desk (filling about 70 % of the frame's width), photographed by the simulated camera.</summary>
public static class DeskPhoto
{
    public static byte[] Photograph(SKBitmap page, double lightTilt, CameraShot shot)
    {
        var (width, height) = ((int)(page.Width * 1.45), (int)(page.Height * 1.6));
        using var desk = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(desk))
        {
            WoodenDesk.Draw(canvas, width, height);
            using var image = SKImage.FromBitmap(page);
            canvas.DrawImage(image, (width - page.Width) / 2f, (height - page.Height) / 2f, SKSamplingOptions.Default);
        }
        return SimulatedCamera.Photograph(new PaperScene(desk, lightTilt), shot);
    }
}
