namespace Ekyc.Verification.Faces.Active;

/// <summary>
/// What one live frame shows of the largest face, measured as the challenge judge measures it (yaw from the 68
/// landmarks, eyes from fr_eye): how many faces, the head's yaw, each eye's p(open), the face's size and place.
/// </summary>
public sealed record PoseReading(
    int Faces, double Yaw, double EyesOpenLeft, double EyesOpenRight, double FaceSize, double FaceFraction, double OffCentre, double Sharpness)
{
    /// <summary>A frame in which no face was found.</summary>
    public static PoseReading NoFace { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);
}
