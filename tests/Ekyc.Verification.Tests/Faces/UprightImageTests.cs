using Ekyc.Core.Checks;
using Ekyc.Verification.Imaging;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Faces;

[Collection(FaceEngineCollection.Name)]
public class UprightImageTests(FaceEngineFixture engine)
{
    [Fact]
    public void Exif_orientation_turns_the_picture_upright()
    {
        // Stored 60×30, left half red; "rotate 90° clockwise to view" puts the left half on top.
        using var stored = new SKBitmap(60, 30);
        using (var canvas = new SKCanvas(stored))
        {
            canvas.Clear(SKColors.Blue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, 30, 30, red);
        }
        using var data = stored.Encode(SKEncodedImageFormat.Jpeg, 95);

        using var image = UprightImage.TryDecode(Exif.WithOrientation(data.ToArray(), 6), 2048, 1_000_000, out _)!;
        using var pixels = SKBitmap.FromImage(image.Image);
        Assert.Equal((30, 60), (image.Width, image.Height));
        Assert.True(pixels.GetPixel(15, 10).Red > 200 && pixels.GetPixel(15, 10).Blue < 60, "top is red");
        Assert.True(pixels.GetPixel(15, 50).Blue > 200 && pixels.GetPixel(15, 50).Red < 60, "bottom is blue");
    }

    [Fact]
    public void A_sideways_stored_selfie_with_its_orientation_tag_still_matches()
    {
        using var upright = SKBitmap.Decode(TestPhotos.Media("cage2_crop.jpg"));
        using var sideways = new SKBitmap(upright.Height, upright.Width);
        using (var canvas = new SKCanvas(sideways))
        {
            // Stored turned 90° counter-clockwise, as a phone held sideways records it.
            canvas.Translate(0, upright.Width);
            canvas.RotateDegrees(-90);
            using var image = SKImage.FromBitmap(upright);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }
        using var data = sideways.Encode(SKEncodedImageFormat.Jpeg, 92);

        var selfie = Exif.WithOrientation(data.ToArray(), 6);
        var match = engine.Verifier.Verify(TestPhotos.Bytes(TestPhotos.Media("cage.jpg")), [selfie], CancellationToken.None).Match;
        Assert.Equal(CheckStatus.Pass, match.Status);
    }

    [Fact]
    public void Large_images_are_decoded_within_the_side_limit()
    {
        using var image = UprightImage.TryDecode(ImageEdits.Scale(TestPhotos.Bytes(TestPhotos.Media("cage.jpg")), 6f), 2048, 100_000_000, out _)!;
        Assert.Equal(3000, image.EncodedWidth);
        Assert.True(Math.Max(image.Width, image.Height) <= 2048);
    }

    [Fact]
    public void A_large_photo_is_decoded_at_the_codecs_own_scale_a_little_under_the_bound()
    {
        // 4,032 × 4,951 px: 3/8 of it is 1,857 px tall, taken as is rather than decoding all 20 MP and resampling.
        var photo = ImageEdits.Scale(TestPhotos.Bytes(TestPhotos.Media("cage.jpg")), 4032 / 500f);
        using var image = UprightImage.TryDecode(photo, 2048, 100_000_000, out _)!;
        Assert.Equal((4032, 4951), (image.EncodedWidth, image.EncodedHeight));
        Assert.Equal((1512, 1857), (image.Width, image.Height));
    }

    [Fact]
    public void A_codec_scale_a_little_over_the_bound_is_not_resampled()
    {
        // 3,388 × 4,160 px: 1/2 of it is 2,080 px tall, 1.6 % over the bound.
        var photo = ImageEdits.Scale(TestPhotos.Bytes(TestPhotos.Media("cage.jpg")), 3388 / 500f);
        using var image = UprightImage.TryDecode(photo, 2048, 100_000_000, out _)!;
        Assert.Equal(((image.EncodedWidth + 1) / 2, (image.EncodedHeight + 1) / 2), (image.Width, image.Height));
        Assert.InRange(image.Height, 2049, 2048 * 1.1);
    }
}
