using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Imaging;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>How large uploads are decoded: at the codec's own scale when one lands near the bound, else resampled to it.</summary>
public sealed class ImageDecoderTests
{
    [Theory]
    [InlineData(4032, 3024, 2016, 1512)] // a 12 MP photo: 1/2, not 5/8 (2,520 px)
    [InlineData(4160, 2928, 2080, 1464)] // 1/2: 87 % of the bound
    [InlineData(2600, 1800, 1950, 1350)] // 6/8: 81 % of the bound
    [InlineData(2500, 1700, 2500, 1700)] // within 5 % of the bound: decoded whole
    [InlineData(1500, 1000, 1500, 1000)]
    public void A_jpeg_is_decoded_at_the_smallest_codec_scale_near_the_bound(int width, int height, int decodedWidth, int decodedHeight)
    {
        var (image, rejection) = ImageDecoder.Decode(BlockImage.Encode(width, height), new DocumentOptions());

        Assert.Null(rejection);
        using (image)
        {
            Assert.Equal((decodedWidth, decodedHeight), (image!.Bitmap.Width, image.Bitmap.Height));
            Assert.Equal((width, height), (image.OriginalWidth, image.OriginalHeight));
        }
    }

    [Fact]
    public void A_png_the_codec_cannot_scale_is_resampled_to_the_bound()
    {
        var (image, _) = ImageDecoder.Decode(BlockImage.Encode(4000, 1000, SKEncodedImageFormat.Png), new DocumentOptions());

        using (image)
            Assert.Equal((2400, 600), (image!.Bitmap.Width, image.Bitmap.Height));
    }
}
