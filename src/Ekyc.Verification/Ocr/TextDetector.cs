using Ekyc.Verification.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace Ekyc.Verification.Ocr;

/// <summary>
/// PaddleOCR v4 DB text detector: the image is shrunk to at most 960 px or a given bound (sides multiples of 32), the probability map
/// is thresholded at 0.3, each connected region becomes a rotated box (orientation from its second moments), boxes
/// under score 0.6 are dropped and the rest are expanded ("unclipped") by area·1.5/perimeter.
/// </summary>
public sealed class TextDetector(ModelStore models)
{
    public const int MaxSide = 960;
    private const float PixelThreshold = 0.3f;
    private const float BoxThreshold = 0.6f;
    private const float UnclipRatio = 1.5f;
    private const int MinRegionPixels = 6;
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];

    /// <summary>
    /// The text regions of <paramref name="image"/>, detected at most <paramref name="maxSide"/> px on its longer side;
    /// with <paramref name="luma"/>, in the image's luma (grey) rather than its colours.
    /// </summary>
    public IReadOnlyList<TextRegion> Detect(SKBitmap image, int maxSide = MaxSide, bool luma = false)
    {
        var input = Input(image, maxSide, luma);
        var (width, height) = (input.Dimensions[3], input.Dimensions[2]);
        var session = models.Session(ModelCatalog.OcrDetect);
        using var outputs = InferenceClock.Time(() => session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)]));
        var map = outputs[0].AsEnumerable<float>().ToArray();

        var (sx, sy) = ((float)image.Width / width, (float)image.Height / height);
        return Regions(map, width, height)
            .Select(r => new TextRegion(ToImage(r.Box, sx, sy), r.Score))
            .ToList();
    }

    /// <summary>The detector's input for an image: shrunk to at most <paramref name="maxSide"/>, sides multiples of 32, normalised.</summary>
    internal static DenseTensor<float> Input(SKBitmap image, int maxSide = MaxSide, bool luma = false)
    {
        var scale = Math.Min(1f, (float)maxSide / Math.Max(image.Width, image.Height));
        var width = Math.Max(32, (int)MathF.Round(image.Width * scale / 32) * 32);
        var height = Math.Max(32, (int)MathF.Round(image.Height * scale / 32) * 32);
        using var resized = OcrPixels.Resize(image, width, height);
        return OcrPixels.ToTensor(resized, Mean, Std, luma);
    }

    /// <summary>Connected regions of the thresholded map, as unclipped rotated boxes in map coordinates.</summary>
    private static IEnumerable<TextRegion> Regions(float[] map, int width, int height)
    {
        var visited = new bool[map.Length];
        var stack = new Stack<int>();
        var members = new List<int>();
        for (var start = 0; start < map.Length; start++)
        {
            if (visited[start] || map[start] <= PixelThreshold)
                continue;
            members.Clear();
            stack.Push(start);
            visited[start] = true;
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                members.Add(i);
                int x = i % width, y = i / width;
                for (var dy = -1; dy <= 1; dy++)
                for (var dx = -1; dx <= 1; dx++)
                {
                    int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= width || ny >= height)
                        continue;
                    var n = ny * width + nx;
                    if (!visited[n] && map[n] > PixelThreshold)
                    {
                        visited[n] = true;
                        stack.Push(n);
                    }
                }
            }
            if (members.Count < MinRegionPixels)
                continue;
            var score = members.Average(i => map[i]);
            if (score < BoxThreshold)
                continue;
            yield return new TextRegion(Unclip(Fit(members, width)), (float)score);
        }
    }

    /// <summary>The region's pixels enclosed at the orientation of their principal axis.</summary>
    private static RotatedBox Fit(List<int> members, int width)
    {
        double mx = 0, my = 0;
        foreach (var i in members)
        {
            mx += i % width;
            my += i / width;
        }
        mx /= members.Count;
        my /= members.Count;
        double sxx = 0, syy = 0, sxy = 0;
        foreach (var i in members)
        {
            double dx = i % width - mx, dy = i / width - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        var angle = (float)(0.5 * Math.Atan2(2 * sxy, sxx - syy) * 180 / Math.PI);
        // Pixel centres span one pixel less than the region: enclose the pixel squares.
        var points = members.SelectMany(i => new[] { (i % width + 0f, i / width + 0f), (i % width + 1f, i / width + 1f) });
        var box = RotatedBox.Enclosing(points, angle);
        return box.Height > box.Width ? box with { Width = box.Height, Height = box.Width, Angle = angle + 90 } : box;
    }

    private static RotatedBox Unclip(RotatedBox box)
    {
        var distance = box.Width * box.Height * UnclipRatio / (2 * (box.Width + box.Height));
        return box with { Width = box.Width + 2 * distance, Height = box.Height + 2 * distance };
    }

    private static RotatedBox ToImage(RotatedBox box, float sx, float sy)
    {
        var corners = box.Corners().Select(c => (c.X * sx, c.Y * sy)).ToArray();
        var angle = MathF.Atan2(corners[1].Item2 - corners[0].Item2, corners[1].Item1 - corners[0].Item1) * 180 / MathF.PI;
        return RotatedBox.Enclosing(corners, angle);
    }
}
