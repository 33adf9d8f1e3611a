namespace Ekyc.Verification.Faces;

/// <summary>
/// One measured signal of a face check, reported whether it passed or not: the value, the threshold it was
/// held to, and in which direction (<c>min</c>: value must be ≥ threshold, <c>max</c>: ≤ threshold).
/// </summary>
public sealed record FaceSignal(string Name, double Value, double Threshold, string Bound, bool Passed)
{
    public static FaceSignal AtLeast(string name, double value, double threshold) =>
        new(name, Math.Round(value, 4), threshold, "min", value >= threshold);

    public static FaceSignal AtMost(string name, double value, double threshold) =>
        new(name, Math.Round(value, 4), threshold, "max", value <= threshold);
}
