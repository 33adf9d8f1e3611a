using SkiaSharp;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>A white picture with a black block in its top-left corner, encoded: for tests of decoding and metadata.</summary>
internal static class BlockImage
{
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawRect(0, 0, width / 3f, height / 2f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }
}
