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

    /// <summary>
    /// The page small on a cluttered desk, taken from further away: the page <paramref name="pageShare"/> of the frame's
    /// width (a 4:3 frame), off centre, with a printed receipt, a pen and a phone lying around it (<see cref="DeskClutter"/>).
    /// </summary>
    public static byte[] PhotographSmall(SKBitmap page, double pageShare, double lightTilt, CameraShot shot, Random random)
    {
        var width = (int)(page.Width / pageShare);
        var height = Math.Max(width * 3 / 4, page.Height * 5 / 4);
        var left = (float)(random.NextDouble() * (width - page.Width));
        var top = (float)(random.NextDouble() * (height - page.Height));
        using var desk = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(desk))
        {
            WoodenDesk.Draw(canvas, width, height);
            var pageRect = SKRect.Create(left, top, page.Width, page.Height);
            DeskClutter.Draw(canvas, width, height, pageRect, page.Width, random);
            using var image = SKImage.FromBitmap(page);
            canvas.DrawImage(image, left, top, SKSamplingOptions.Default);
        }
        return SimulatedCamera.Photograph(new PaperScene(desk, lightTilt), shot);
    }
}
