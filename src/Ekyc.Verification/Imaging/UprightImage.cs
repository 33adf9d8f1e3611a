using SkiaSharp;

namespace Ekyc.Verification.Imaging;

/// <summary>
/// A decoded picture turned the way the camera meant it (EXIF orientation applied) and bounded in size,
/// as an immutable RGBA image that engines can sample from.
/// </summary>
public sealed class UprightImage : IDisposable
{
    private UprightImage(SKImage image, int encodedWidth, int encodedHeight)
    {
        Image = image;
        EncodedWidth = encodedWidth;
        EncodedHeight = encodedHeight;
    }

    public SKImage Image { get; }
    public int Width => Image.Width;
    public int Height => Image.Height;
    /// <summary>Size of the encoded picture before orientation and down-scaling.</summary>
    public int EncodedWidth { get; }
    public int EncodedHeight { get; }

    /// <summary>
    /// Decodes <paramref name="bytes"/>; <c>null</c> with a reason code when the bytes are not an image or the
    /// image is larger than <paramref name="maxPixels"/> (a decompression bomb is refused before decoding).
    /// Images whose longer side exceeds <paramref name="maxSide"/> are decoded down-scaled, to within 10 % of it.
    /// </summary>
    public static UprightImage? TryDecode(byte[] bytes, int maxSide, long maxPixels, out string? reason)
    {
        reason = null;
        if (bytes.Length == 0)
        {
            reason = ImageReasons.Empty;
            return null;
        }
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            reason = ImageReasons.Undecodable;
            return null;
        }
        var encoded = codec.Info;
        if ((long)encoded.Width * encoded.Height > maxPixels)
        {
            reason = ImageReasons.TooLarge;
            return null;
        }
        var decoded = DecodeScaled(bytes, codec, maxSide);
        if (decoded is null)
        {
            reason = ImageReasons.Undecodable;
            return null;
        }
        // Each step returns its input when it has nothing to do, so an upright, small image is never copied.
        var oriented = Replace(decoded, ExifOrientation.Upright(decoded, codec.EncodedOrigin));
        using var bounded = Replace(oriented, Bound(oriented, maxSide));
        bounded.SetImmutable();
        return new UprightImage(SKImage.FromBitmap(bounded), encoded.Width, encoded.Height);
    }

    /// <summary>
    /// A codec-scaled size this close under the bound is taken as is: a 12 MP photo (4,032 px) decodes natively at 1/2
    /// (2,016 px) for a fraction of a full decode, where insisting on 2,048 px meant decoding all 12 MP and resampling
    /// them (1.5 s of a 1.8 s face stage under load, for 1.6 % fewer pixels per side).
    /// </summary>
    private const float MinNativeShare = 0.9f;
    /// <summary>
    /// Likewise a little over it (4,160 px at 1/2 is 2,080 px): resampling 3 MP with a cubic filter to shave 1.5 % off
    /// each side costs more than the face models spend on the image.
    /// </summary>
    private const float MaxNativeShare = 1.1f;

    /// <summary>Lets the codec skip work (JPEG decodes at 1/8 steps natively) when the image is far larger than needed.</summary>
    private static SKBitmap? DecodeScaled(byte[] bytes, SKCodec codec, int maxSide)
    {
        var longest = Math.Max(codec.Info.Width, codec.Info.Height);
        var scale = longest > maxSide ? (float)maxSide / longest : 1f;
        var size = codec.GetScaledDimensions(scale);
        if (Math.Max(size.Width, size.Height) < MinNativeShare * Math.Min(maxSide, longest))
            size = codec.Info.Size;
        // The document engine decodes the front at this size too when their bounds agree: decoded once per verification.
        return SharedDecodes.Decode(bytes, codec, size).Bitmap ?? (size != codec.Info.Size ? SharedDecodes.Decode(bytes, codec, codec.Info.Size).Bitmap : null);
    }

    private static SKBitmap Replace(SKBitmap previous, SKBitmap next)
    {
        if (!ReferenceEquals(previous, next))
            previous.Dispose();
        return next;
    }

    private static SKBitmap Bound(SKBitmap source, int maxSide)
    {
        var longest = Math.Max(source.Width, source.Height);
        if (longest <= maxSide * MaxNativeShare)
            return source;
        var scale = (float)maxSide / longest;
        var info = new SKImageInfo(Math.Max(1, (int)(source.Width * scale)), Math.Max(1, (int)(source.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul);
        return source.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell));
    }

    /// <summary>
    /// The picture turned clockwise by <paramref name="quarterTurns"/> (1–3) quarter turns, as a new image the caller disposes:
    /// for a picture taken sideways or upside down whose file carries no orientation to say so.
    /// </summary>
    public UprightImage Turned(int quarterTurns)
    {
        var origin = quarterTurns switch
        {
            1 => SKEncodedOrigin.RightTop,
            2 => SKEncodedOrigin.BottomRight,
            3 => SKEncodedOrigin.LeftBottom,
            _ => throw new ArgumentOutOfRangeException(nameof(quarterTurns), quarterTurns, "One to three quarter turns."),
        };
        using var pixels = SKBitmap.FromImage(Image);
        var turned = ExifOrientation.Upright(pixels, origin);
        turned.SetImmutable();
        using (turned)
            return new UprightImage(SKImage.FromBitmap(turned), EncodedWidth, EncodedHeight);
    }

    /// <summary>A pixel copy with no cached mipmaps, as a freshly decoded upload would be (benchmarks).</summary>
    internal UprightImage Copy()
    {
        using var pixels = Image.PeekPixels();
        return new UprightImage(SKImage.FromPixelCopy(pixels), EncodedWidth, EncodedHeight);
    }

    public void Dispose() => Image.Dispose();
}
