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
    /// <summary>Camera shake: how far (camera pixels) the image moves during the exposure, along <see cref="MotionDegrees"/>; 0 for none.</summary>
    public double MotionBlur { get; init; }
    public double MotionDegrees { get; init; }
    /// <summary>The share of the scene's light the sensor collects (a dim room: 0.1–0.3); the sensor noise does not shrink with it.</summary>
    public double Exposure { get; init; } = 1;
    /// <summary>The amplification after the sensor (ISO): it brightens a dim exposure and its noise alike.</summary>
    public double Gain { get; init; } = 1;
    /// <summary>Per-channel gains on the light (R, G, B): a white balance that missed the lamp's colour gives a cast.</summary>
    public (double R, double G, double B) WhiteBalance { get; init; } = (1, 1, 1);
    /// <summary>Quarter turns clockwise of the stored pixels: the phone held sideways (1, 3) or upside down (2), with no EXIF orientation.</summary>
    public int QuarterTurns { get; init; }
    /// <summary>Lossless PNG instead of JPEG (<see cref="JpegQuality"/> unused).</summary>
    public bool Png { get; init; }
}
