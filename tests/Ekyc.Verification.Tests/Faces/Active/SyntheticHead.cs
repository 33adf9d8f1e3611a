using Ekyc.Verification.Faces;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Faces.Active;

/// <summary>
/// The 68 iBUG points on a rough 3-D head (units of half a face width; the nose tip 0.8 in front of the eyes' plane,
/// the outline 0.3 behind it) seen by a pinhole camera five units away, or the same points printed flat on a card.
/// Turning it by a yaw angle is a real head turn; turning the card is a photo moved before the camera.
/// </summary>
internal static class SyntheticHead
{
    private const double Distance = 5;
    private const double Focal = 600;

    public static readonly (double X, double Y, double Z)[] Points = Build();

    /// <summary>Image points of the head turned by <paramref name="yawDegrees"/> (positive: to the person's left).</summary>
    public static FaceLandmarks Turned(double yawDegrees, double noise = 0, int seed = 1, bool flat = false) =>
        Project(Points.Select(p => flat ? (p.X, p.Y, 0.0) : p), yawDegrees, noise, seed);

    public static FaceAnalysis Face(FaceLandmarks landmarks, float[] embedding, float eyesOpen = 0.95f) => new()
    {
        Box = new FaceBox(200, 150, 440, 390, 0.99f),
        Landmarks = landmarks,
        Yaw = FaceQuality.Yaw(landmarks),
        RollDegrees = 0,
        Sharpness = 200,
        Embedding = embedding,
        EyesOpen = (eyesOpen, eyesOpen),
        LiveProbability = 0.5f,
    };

    /// <summary>A unit embedding; different seeds give nearly orthogonal ones (different people).</summary>
    public static float[] Embedding(int seed)
    {
        var random = new Random(seed);
        var v = Enumerable.Range(0, 512).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }

    /// <summary>A unit embedding whose cosine similarity to <paramref name="of"/> (a unit vector) is <paramref name="similarity"/>.</summary>
    public static float[] Similar(float[] of, double similarity, int seed)
    {
        // The part of another random embedding orthogonal to `of`, mixed in at the angle that gives the similarity.
        var other = Embedding(seed + 1000);
        var along = other.Zip(of, (a, b) => a * b).Sum();
        var orthogonal = other.Zip(of, (a, b) => a - along * b).ToArray();
        var norm = MathF.Sqrt(orthogonal.Sum(x => x * x));
        var sine = Math.Sqrt(1 - similarity * similarity);
        return [.. of.Zip(orthogonal, (a, b) => (float)(similarity * a + sine * b / norm))];
    }

    private static FaceLandmarks Project(IEnumerable<(double X, double Y, double Z)> points, double yawDegrees, double noise, int seed)
    {
        var random = new Random(seed);
        var (s, c) = (Math.Sin(yawDegrees * Math.PI / 180), Math.Cos(yawDegrees * Math.PI / 180));
        return new FaceLandmarks([.. points.Select(p =>
        {
            var x = p.X * c + p.Z * s;
            var z = -p.X * s + p.Z * c;
            var depth = Distance - z;
            return new SKPoint((float)(320 + Focal * x / depth + Gaussian(random) * noise), (float)(270 + Focal * p.Y / depth + Gaussian(random) * noise));
        })]);
    }

    private static (double, double, double)[] Build()
    {
        var points = new List<(double, double, double)>();
        for (var i = 0; i < 17; i++)
        {
            var t = Math.PI * i / 16;
            points.Add((-0.9 * Math.Cos(t), 0.1 + 0.9 * Math.Sin(t), -0.3 + 0.3 * Math.Sin(t)));
        }
        for (var i = 0; i < 5; i++)
            points.Add((-0.75 + 0.13 * i, -0.45, 0.3));
        for (var i = 0; i < 5; i++)
            points.Add((0.23 + 0.13 * i, -0.45, 0.3));
        for (var i = 0; i < 4; i++)
            points.Add((0, -0.3 + 0.15 * i, 0.45 + 0.12 * i));
        for (var i = 0; i < 5; i++)
            points.Add((-0.2 + 0.1 * i, 0.28, 0.55 + 0.05 * (2 - Math.Abs(i - 2))));
        foreach (var cx in new[] { -0.38, 0.38 })
            for (var i = 0; i < 6; i++)
            {
                var t = Math.PI * i / 3;
                points.Add((cx - 0.13 * Math.Cos(t), -0.22 - 0.05 * Math.Sin(t), 0.28));
            }
        for (var i = 0; i < 12; i++)
        {
            var t = 2 * Math.PI * i / 12;
            points.Add((-0.32 * Math.Cos(t), 0.55 - 0.1 * Math.Sin(t), 0.42));
        }
        for (var i = 0; i < 8; i++)
        {
            var t = 2 * Math.PI * i / 8;
            points.Add((-0.2 * Math.Cos(t), 0.55 - 0.04 * Math.Sin(t), 0.44));
        }
        return [.. points];
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
