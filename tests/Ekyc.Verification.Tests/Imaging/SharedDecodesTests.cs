using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Imaging;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Imaging;

public class SharedDecodesTests
{
    private const int FaceBound = 2048;
    private const long MaxPixels = 100_000_000;

    [Theory]
    [InlineData(1400, 1000)] // a scan: both engines decode it in full
    [InlineData(4000, 2800)] // a 12 MP photo: both decode it at the codec's 1/2
    public void Within_a_scope_the_document_and_face_engines_read_one_decode_of_the_front(int width, int height)
    {
        var front = Jpeg(width, height);
        using var scope = SharedDecodes.Open();

        using var document = ImageDecoder.Decode(front, new DocumentOptions()).Image!;
        using var face = UprightImage.TryDecode(front, FaceBound, MaxPixels, out _)!;

        Assert.Equal((document.Bitmap.Width, document.Bitmap.Height), (face.Width, face.Height));
        Assert.Equal(document.Bitmap.GetPixels(), PixelAddress(face));
    }

    [Fact]
    public async Task Engines_started_at_once_wait_for_one_decode()
    {
        var front = Jpeg(4000, 2800);
        using var scope = SharedDecodes.Open();

        var document = Task.Run(() => ImageDecoder.Decode(front, new DocumentOptions()).Image!);
        var face = Task.Run(() => UprightImage.TryDecode(front, FaceBound, MaxPixels, out _)!);
        using var documentImage = await document;
        using var faceImage = await face;

        Assert.Equal(documentImage.Bitmap.GetPixels(), PixelAddress(faceImage));
    }

    [Fact]
    public void Outside_a_scope_each_call_decodes_its_own_pixels()
    {
        var front = Jpeg(1400, 1000);

        using var document = ImageDecoder.Decode(front, new DocumentOptions()).Image!;
        using var face = UprightImage.TryDecode(front, FaceBound, MaxPixels, out _)!;

        Assert.NotEqual(document.Bitmap.GetPixels(), PixelAddress(face));
    }

    [Fact]
    public void Different_uploads_are_not_shared()
    {
        var (front, back) = (Jpeg(1400, 1000), Jpeg(1400, 1000));
        using var scope = SharedDecodes.Open();

        using var frontImage = ImageDecoder.Decode(front, new DocumentOptions()).Image!;
        using var backImage = ImageDecoder.Decode(back, new DocumentOptions()).Image!;

        Assert.NotEqual(frontImage.Bitmap.GetPixels(), backImage.Bitmap.GetPixels());
    }

    [Fact]
    public void An_image_outlives_the_scope_and_the_other_engine()
    {
        // An engine whose stage timed out goes on reading after the pipeline closed its scope.
        var front = Jpeg(1400, 1000);
        using var expected = ImageDecoder.Decode(front, new DocumentOptions()).Image!;
        UprightImage face;
        using (SharedDecodes.Open())
        {
            face = UprightImage.TryDecode(front, FaceBound, MaxPixels, out _)!;
            ImageDecoder.Decode(front, new DocumentOptions()).Image!.Dispose();
        }
        using (face)
        {
            using var pixels = face.Image.PeekPixels();
            Assert.True(pixels.GetPixelSpan<byte>().SequenceEqual(expected.Bitmap.GetPixelSpan()));
        }
    }

    private static IntPtr PixelAddress(UprightImage image)
    {
        using var pixmap = image.Image.PeekPixels();
        return pixmap.GetPixels();
    }

    /// <summary>A photo-like JPEG: smooth gradients with a fine pattern, so that its decode is not trivial.</summary>
    private static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var gradient = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.Navy, SKColors.Khaki, SKColors.Brown], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, width, height, gradient);
            using var ink = new SKPaint { Color = SKColors.Black, StrokeWidth = 3 };
            for (var x = 0; x < width; x += 37)
                canvas.DrawLine(x, 0, width - x, height, ink);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
