using System.Text.Json;
using Ekyc.Verification.Imaging;
using SkiaSharp;

namespace Ekyc.Server.Review.Queue;

/// <summary>Cuts a face out of a stored image by the box the face engine reported, with a margin, for the side-by-side view.</summary>
public static class FaceCrop
{
    private const float Margin = 0.35f;
    private const int MaxSide = 320;

    /// <summary>The <c>[left, top, width, height]</c> box under <paramref name="key"/> of the evidence, if there is one.</summary>
    public static SKRect? BoxOf(IReadOnlyDictionary<string, object?> evidence, string key)
    {
        if (!evidence.TryGetValue(key, out var face) || face is not JsonElement { ValueKind: JsonValueKind.Object } element
            || !element.TryGetProperty("box", out var box) || box.ValueKind != JsonValueKind.Array || box.GetArrayLength() != 4)
            return null;
        var v = box.EnumerateArray().Select(b => b.ValueKind == JsonValueKind.Number ? b.GetSingle() : float.NaN).ToArray();
        return v.Any(float.IsNaN) || v[2] <= 0 || v[3] <= 0 ? null : SKRect.Create(v[0], v[1], v[2], v[3]);
    }

    /// <summary>The face with a margin, as a JPEG at most <see cref="MaxSide"/> pixels high; null when the image does not decode.</summary>
    public static byte[]? Cut(byte[] image, SKRect box)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(image));
        if (codec is null)
            return null;
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
            return null;
        // The engines see the picture with its EXIF orientation applied, so the box refers to the upright picture.
        var bitmap = ExifOrientation.Upright(decoded, codec.EncodedOrigin);
        using var upright = bitmap == decoded ? null : bitmap;
        var margin = Math.Max(box.Width, box.Height) * Margin;
        var area = SKRectI.Round(SKRect.Intersect(SKRect.Inflate(box, margin, margin), SKRect.Create(bitmap.Width, bitmap.Height)));
        if (area.Width < 2 || area.Height < 2)
            return null;
        var scale = Math.Min(1f, (float)MaxSide / area.Height);
        var info = new SKImageInfo(Math.Max(1, (int)(area.Width * scale)), Math.Max(1, (int)(area.Height * scale)));
        using var surface = SKSurface.Create(info);
        using var source = SKImage.FromBitmap(bitmap);
        surface.Canvas.DrawImage(source, area, SKRect.Create(info.Width, info.Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
