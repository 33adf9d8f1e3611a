using Ekyc.Verification.Models;

namespace Ekyc.Verification.Faces.Active;

/// <summary>
/// Reads the pose of one live frame for the capture page while a challenge is under way: detection, landmarks and eye
/// state (no anti-spoof score, no screen measure), on the ONNX sessions the face engine already holds.
/// </summary>
public sealed class PoseReader(ModelStore models, FaceOptions options) : IDisposable
{
    private readonly FaceAnalyzer _analyzer = new(models, options);

    /// <summary>The reading, or null when the bytes do not decode to an image.</summary>
    public PoseReading? Read(byte[] frame) => Read(_analyzer, frame, options);

    /// <summary>The reading on any analyzer: the pose guide's customers in the benchmarks are judged as the page's are.</summary>
    public static PoseReading? Read(FaceAnalyzer analyzer, byte[] frame, FaceOptions options)
    {
        var observed = ImageObservation.Observe(analyzer, frame, options, new StageTimer(), eyes: true, liveness: false);
        if (observed.Error is not null)
            return null;
        if (observed.Primary is not { } face)
            return PoseReading.NoFace;
        var offCentre = Math.Max(Math.Abs(face.Box.CenterX / observed.Width - 0.5), Math.Abs(face.Box.CenterY / observed.Height - 0.5));
        var (left, right) = face.EyesOpen ?? (0, 0);
        return new PoseReading(observed.Faces.Count, face.Yaw, left, right, face.Size, observed.PrimaryFraction, offCentre, face.Sharpness);
    }

    public void Dispose() => _analyzer.Dispose();
}
