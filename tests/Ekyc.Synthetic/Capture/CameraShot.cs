namespace Ekyc.Synthetic.Capture;

/// <summary>
/// How the camera is held and what it does to the light: the same model photographs paper (genuine captures) and
/// screens (recaptures), so the two differ only in the scene.
/// </summary>
public sealed record CameraShot
{
    /// <summary>Camera pixels per scene unit (a page pixel for paper, a screen pixel for a screen).</summary>
    public double Scale { get; init; } = 1.5;
    public double RotationDegrees { get; init; }
    /// <summary>Perspective: relative change of scale from the top to the bottom of the frame.</summary>
    public double Keystone { get; init; }
    /// <summary>Lens blur (Gaussian sigma, camera pixels).</summary>
    public double LensBlur { get; init; } = 0.6;
    /// <summary>Sensor noise (standard deviation, linear light 0–1).</summary>
    public double Noise { get; init; } = 0.01;
    /// <summary>A Bayer RGGB sensor, demosaiced bilinearly (false: a full-colour sensor).</summary>
    public bool Bayer { get; init; } = true;
    public int JpegQuality { get; init; } = 90;
    public int Seed { get; init; } = 1;
}
