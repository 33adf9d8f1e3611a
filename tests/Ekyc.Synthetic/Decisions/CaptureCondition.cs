namespace Ekyc.Synthetic.Decisions;

/// <summary>How the customer captured the document.</summary>
public enum CaptureCondition
{
    /// <summary>A flatbed scan at 300 dpi, JPEG 92.</summary>
    Scan300Dpi,
    /// <summary>A phone photo at about 150 dpi under a lamp brighter on one side (the simulated camera on paper).</summary>
    Phone150DpiUnevenLight,
    /// <summary>A 200–300 dpi capture turned 2–6° either way.</summary>
    Rotated,
    /// <summary>A 220–300 dpi capture saved at JPEG quality 70–95.</summary>
    Jpeg70To95,
    /// <summary>
    /// A phone photo of the page lying on a desk, the phone held at an angle: the page turned 8–15° either way in the
    /// frame and seen in perspective, at about 170–220 dpi.
    /// </summary>
    PhoneAtAngle,
}

public static class CaptureConditions
{
    public static readonly IReadOnlyList<CaptureCondition> All = Enum.GetValues<CaptureCondition>();

    /// <summary>
    /// The four conditions of the first twelve sessions: a generator over these plans the same set for a seed as then,
    /// so the cases the tests replay by seed and id stay what they were.
    /// </summary>
    public static readonly IReadOnlyList<CaptureCondition> FirstFour =
        [CaptureCondition.Scan300Dpi, CaptureCondition.Phone150DpiUnevenLight, CaptureCondition.Rotated, CaptureCondition.Jpeg70To95];

    public static string ToWire(this CaptureCondition c) => c switch
    {
        CaptureCondition.Scan300Dpi => "scan_300dpi",
        CaptureCondition.Phone150DpiUnevenLight => "phone_150dpi_uneven_light",
        CaptureCondition.Rotated => "rotated",
        CaptureCondition.Jpeg70To95 => "jpeg_70_95",
        CaptureCondition.PhoneAtAngle => "phone_at_angle",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, null),
    };
}
