using SkiaSharp;

namespace Ekyc.Synthetic.Liveness;

/// <summary>
/// A frontal photo's head turned about the vertical axis by a 3-D reprojection: the 68 landmarks and a grid over the
/// head get depths from a generic face (<see cref="FaceShape"/>), are rotated about an axis behind the face and
/// projected orthographically; the room around the head and the frame border stay put. The image follows piecewise
/// affinely over the Delaunay triangulation of those points, so the nose tip swings further than the eyes and the
/// outline — the parallax a flat picture cannot show. A synthetic approximation of a head turn: no hidden side of the
/// face is revealed, and the shape is a generic face's, not the person's.
/// </summary>
public static class HeadTurn
{
    /// <summary>The rotation axis, in inter-ocular distances behind the face's front plane (about the middle of the head).</summary>
    private const double AxisDepth = -1.1;
    /// <summary>Grid spacing over the head, in inter-ocular distances.</summary>
    private const double GridStep = 0.2;

    /// <param name="yawDegrees">Positive: the person turns to their own left (the nose moves to the image's right).</param>
    public static SKBitmap Render(SKBitmap frame, IReadOnlyList<SKPoint> landmarks, double yawDegrees)
    {
        var shape = new FaceShape(landmarks);
        var points = MeshPoints(frame, landmarks, shape);
        var (sin, cos) = Math.SinCos(yawDegrees * Math.PI / 180);
        var cx = (landmarks[27].X + landmarks[30].X) / 2;
        var to = new SKPoint[points.Count];
        var depth = new double[points.Count];
        for (var i = 0; i < to.Length; i++)
        {
            var p = points[i];
            var (x, d) = (p.X - cx, shape.Depth(p) - AxisDepth * shape.InterOcular);
            var w = shape.Weight(p);
            var turned = cx + x * cos + d * sin;
            to[i] = new SKPoint((float)(p.X + w * (turned - p.X)), p.Y);
            // The room is behind everything the head paints over it.
            depth[i] = w > 0 ? -x * sin + d * cos : -100 * shape.InterOcular;
        }
        return MeshWarp.Warp(frame, points, to, depth, Delaunay.Triangulate(points));
    }

    /// <summary>Landmarks, a grid over the head and its surroundings, and the frame border.</summary>
    private static List<SKPoint> MeshPoints(SKBitmap frame, IReadOnlyList<SKPoint> landmarks, FaceShape shape)
    {
        var points = new List<SKPoint>(landmarks);
        var (w, h) = (frame.Width - 1f, frame.Height - 1f);
        var step = GridStep * shape.InterOcular;
        var eyes = (landmarks[36].Y + landmarks[45].Y) / 2;
        var (left, right) = (landmarks[0].X - 0.6 * shape.InterOcular, landmarks[16].X + 0.6 * shape.InterOcular);
        for (var y = eyes - 2.2 * shape.InterOcular; y <= landmarks[8].Y + 1.0 * shape.InterOcular; y += step)
            for (var x = left; x <= right; x += step)
            {
                var p = new SKPoint((float)x, (float)y);
                // Inside the face outline the landmarks already pin the features down; keep grid points off them.
                if (x > 1 && y > 1 && x < w - 1 && y < h - 1 && landmarks.All(l => Distance(l, p) > 0.4 * step))
                    points.Add(p);
            }
        for (var k = 0; k <= 6; k++)
        {
            var t = k / 6f;
            foreach (var p in new[] { new SKPoint(t * w, 0), new SKPoint(t * w, h), new SKPoint(0, t * h), new SKPoint(w, t * h) })
                if (!points.Contains(p))
                    points.Add(p);
        }
        return points;
    }

    internal static SKPoint Mean(IReadOnlyList<SKPoint> points, int from, int to)
    {
        float x = 0, y = 0;
        for (var i = from; i < to; i++)
            (x, y) = (x + points[i].X, y + points[i].Y);
        return new SKPoint(x / (to - from), y / (to - from));
    }

    internal static double Distance(SKPoint a, SKPoint b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    internal static SKPoint Unit(SKPoint v)
    {
        var length = (float)Math.Max(1e-6, Math.Sqrt(v.X * v.X + v.Y * v.Y));
        return new SKPoint(v.X / length, v.Y / length);
    }

    internal static SKPoint Scale(SKPoint v, double s) => new((float)(v.X * s), (float)(v.Y * s));
}
