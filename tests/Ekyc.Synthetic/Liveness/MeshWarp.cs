using SkiaSharp;

namespace Ekyc.Synthetic.Liveness;

/// <summary>
/// Piecewise-affine warp: each triangle of a mesh is mapped from its place in the source image to its new place, so
/// points of the mesh move independently (near and far points of a head differently). Triangles are painted far to
/// near, so a nose swinging across the cheek covers it as a real one does.
/// </summary>
public static class MeshWarp
{
    /// <param name="depth">Per mesh point, larger is nearer the camera.</param>
    public static SKBitmap Warp(SKBitmap source, IReadOnlyList<SKPoint> from, IReadOnlyList<SKPoint> to, IReadOnlyList<double> depth,
        IReadOnlyList<(int A, int B, int C)> triangles)
    {
        var output = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(output);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        Draw(canvas, image, from, to, triangles.OrderBy(t => depth[t.A] + depth[t.B] + depth[t.C]).ToList());
        return output;
    }

    /// <summary>Draws the triangles (in the order given) of <paramref name="image"/> from their source to their target places.</summary>
    public static void Draw(SKCanvas canvas, SKImage image, IReadOnlyList<SKPoint> from, IReadOnlyList<SKPoint> to, IReadOnlyList<(int A, int B, int C)> triangles)
    {
        var positions = triangles.SelectMany(t => new[] { to[t.A], to[t.B], to[t.C] }).ToArray();
        var textures = triangles.SelectMany(t => new[] { from[t.A], from[t.B], from[t.C] }).ToArray();
        using var shader = image.ToShader(SKShaderTileMode.Clamp, SKShaderTileMode.Clamp, new SKSamplingOptions(SKFilterMode.Linear));
        using var paint = new SKPaint { Shader = shader, IsAntialias = false };
        using var vertices = SKVertices.CreateCopy(SKVertexMode.Triangles, positions, textures, null);
        canvas.DrawVertices(vertices, SKBlendMode.Modulate, paint);
    }
}
