namespace Ekyc.Verification.Faces;

/// <summary>All model inputs of one analysis; pooled by <see cref="FaceAnalyzer"/> so concurrent calls never share one.</summary>
internal sealed class FaceScratch : IDisposable
{
    public ScratchImage Detect { get; } = new(FaceDetector.InputWidth, FaceDetector.InputHeight, 3);
    public ScratchImage Landmark { get; } = new(FaceLandmarker.InputSize, FaceLandmarker.InputSize, 1);
    public ScratchImage Aligned { get; } = new(FaceEmbedder.InputSize, FaceEmbedder.InputSize, 3);
    public ScratchImage Liveness { get; } = new(AntiSpoofClassifier.InputSize, AntiSpoofClassifier.InputSize, 3);
    public ScratchImage Eye { get; } = new(EyeStateClassifier.InputSize, EyeStateClassifier.InputSize, 1);
    /// <summary>Grey copy of the aligned face for the sharpness measure.</summary>
    public float[] Grey { get; } = new float[FaceEmbedder.InputSize * FaceEmbedder.InputSize];

    public void Dispose()
    {
        Detect.Dispose();
        Landmark.Dispose();
        Aligned.Dispose();
        Liveness.Dispose();
        Eye.Dispose();
    }
}
