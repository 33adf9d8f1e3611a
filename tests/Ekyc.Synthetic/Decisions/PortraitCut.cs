using Ekyc.Verification.Faces;
using Ekyc.Verification.Imaging;
using SkiaSharp;

namespace Ekyc.Synthetic.Decisions;

/// <summary>
/// The document's own portrait sent as the selfie: cut from the document image around the face box the face engine
/// found there (head and shoulders, as a selfie frames them) and scaled to a selfie's width, as an attacker holding only
/// the document's picture would inject it.
/// </summary>
public static class PortraitCut
{
    /// <summary>Cuts the largest face the face engine finds on the document, as it finds it.</summary>
    public static byte[] FromDocument(byte[] document, FaceAnalyzer faces, int width)
    {
        var options = new FaceOptions();
        using var image = UprightImage.TryDecode(document, options.MaxImageSide, options.MaxImagePixels, out var reason)
            ?? throw new InvalidDataException(reason);
        var found = faces.Detect(image, new StageTimer());
        if (found.Count == 0)
            throw new InvalidDataException("No face on the document.");
        // The engine may decode a large image scaled down; the cut is taken from the full image.
        var (sx, sy) = ((float)image.EncodedWidth / image.Width, (float)image.EncodedHeight / image.Height);
        var box = found[0];
        return FromDocument(document, box with { Left = box.Left * sx, Right = box.Right * sx, Top = box.Top * sy, Bottom = box.Bottom * sy }, width);
    }

    /// <param name="faceBox">The portrait's face box in the document image's pixels.</param>
    public static byte[] FromDocument(byte[] document, FaceBox faceBox, int width)
    {
        using var page = SKBitmap.Decode(document) ?? throw new InvalidDataException("Undecodable document.");
        var (cutWidth, cutHeight) = (faceBox.Width * 1.5f, faceBox.Height * 1.9f);
        var area = SKRectI.Round(SKRect.Create(faceBox.CenterX - cutWidth / 2, faceBox.CenterY - cutHeight / 2, cutWidth, cutHeight));
        area.Intersect(new SKRectI(0, 0, page.Width, page.Height));
        using var cut = new SKBitmap();
        if (!page.ExtractSubset(cut, area))
            throw new InvalidDataException("The face box lies outside the document.");
        using var scaled = cut.Resize(new SKImageInfo(width, (int)Math.Round(area.Height * (double)width / area.Width)), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = SKImage.FromBitmap(scaled);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return jpeg.ToArray();
    }
}
