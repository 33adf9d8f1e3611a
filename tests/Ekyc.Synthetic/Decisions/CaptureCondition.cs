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
    /// <summary>The phone photo (170–220 dpi) taken with the phone held sideways: the pixels stored turned 90° either way, no EXIF orientation.</summary>
    PhoneSideways,
    /// <summary>The phone photo (170–220 dpi) taken upside down: the pixels turned 180°, no EXIF orientation.</summary>
    PhoneUpsideDown,
    /// <summary>The phone photo (170–220 dpi) taken sideways: the pixels turned 90° either way and an EXIF orientation (6 or 8) saying so.</summary>
    PhoneSidewaysExif,
    /// <summary>
    /// The page small on a cluttered wooden desk (a printed receipt, a pen, a phone around it): 30–45 % of a 4:3 frame's
    /// width, off centre, at 160–220 dpi, turned up to 5°, slight perspective, JPEG 82–92.
    /// </summary>
    SmallOnClutteredDesk,
    /// <summary>The phone photo (170–220 dpi) with a lamp's reflection: a saturating spot 5–10 % of the page's width across, anywhere in the page's middle 70 %.</summary>
    GlareSpot,
    /// <summary>The phone photo (170–220 dpi) with camera shake: the image smeared 2–5 px in a random direction.</summary>
    MotionBlur,
    /// <summary>The phone photo (170–220 dpi) in a dim room: 15–25 % of the light, a gain of 2.5–3.5 (a darker picture), sensor noise 0.015–0.025 before the gain.</summary>
    LowLight,
    /// <summary>The phone photo (170–220 dpi) with a white balance that missed the lamp: tungsten orange, fluorescent green or shade blue (±5 %).</summary>
    ColourCast,
    /// <summary>The phone photo (170–220 dpi) of a page that does not lie flat: bowed by 1–3 % of its height mid-page, lines of print turned into arcs.</summary>
    CurvedPage,
    /// <summary>A screenshot of the phone photo (150–200 dpi): the whole frame resampled to 640–760 px wide and saved as PNG.</summary>
    Screenshot700PxPng,
}

public static class CaptureConditions
{
    /// <summary>The five conditions every rule was measured on (the decision bench's default).</summary>
    public static readonly IReadOnlyList<CaptureCondition> All =
        [CaptureCondition.Scan300Dpi, CaptureCondition.Phone150DpiUnevenLight, CaptureCondition.Rotated, CaptureCondition.Jpeg70To95, CaptureCondition.PhoneAtAngle];

    /// <summary>
    /// Conditions no rule was tuned on, as customers also send them (a held-out check of the decisions): a phone held
    /// sideways or upside down, the page small on a cluttered desk, a glare, camera shake, a dim room, a colour cast, a
    /// bent page, a screenshot.
    /// </summary>
    public static readonly IReadOnlyList<CaptureCondition> Unseen =
    [
        CaptureCondition.PhoneSideways, CaptureCondition.PhoneUpsideDown, CaptureCondition.PhoneSidewaysExif, CaptureCondition.SmallOnClutteredDesk,
        CaptureCondition.GlareSpot, CaptureCondition.MotionBlur, CaptureCondition.LowLight, CaptureCondition.ColourCast, CaptureCondition.CurvedPage,
        CaptureCondition.Screenshot700PxPng,
    ];

    /// <summary>A named list of conditions: <c>all</c> (the default), <c>first-four</c> or <c>unseen</c>, or one condition by its wire name.</summary>
    public static IReadOnlyList<CaptureCondition> Named(string name) => name switch
    {
        "all" => All,
        "first-four" => FirstFour,
        "unseen" => Unseen,
        _ => Enum.GetValues<CaptureCondition>().Where(c => c.ToWire() == name).ToArray() is [var one]
            ? [one]
            : throw new ArgumentException($"--captures {name}: all, first-four, unseen or one condition's wire name"),
    };

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
        CaptureCondition.PhoneSideways => "phone_sideways",
        CaptureCondition.PhoneUpsideDown => "phone_upside_down",
        CaptureCondition.PhoneSidewaysExif => "phone_sideways_exif",
        CaptureCondition.SmallOnClutteredDesk => "small_on_cluttered_desk",
        CaptureCondition.GlareSpot => "glare_spot",
        CaptureCondition.MotionBlur => "motion_blur",
        CaptureCondition.LowLight => "low_light",
        CaptureCondition.ColourCast => "colour_cast",
        CaptureCondition.CurvedPage => "curved_page",
        CaptureCondition.Screenshot700PxPng => "screenshot_700px_png",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, null),
    };
}
