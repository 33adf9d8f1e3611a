using Ekyc.Verification.Ocr;

namespace Ekyc.Verification.Documents;

/// <summary>
/// How large the text detector sees a document, from its declared size. Its cost follows its input's pixels, and what it
/// needs is the text's size in them. The 150 dpi phone photos, detected as they come, give it a passport's MRZ at
/// 14.5–15.6 px per character and the printed values at about 6 px per mm, and it finds both; a passport page (125 mm
/// wide) filling the image gets 16 px per MRZ character at <see cref="Page"/> (19.5 at <see cref="TextDetector.MaxSide"/>,
/// measured on 300 dpi scans), for 0.7 of the full bound's pixels. An ID-1 card (85.6 mm: TD1 ID cards, residence permits)
/// filling the image gets the same pixels per mm at 800 × 85.6 ÷ 125 = 548 px, rounded up to the detector's multiple of
/// 32. Either bound assumes the document fills the image: where it gives no MRZ, the side is detected again at the full
/// bound (<see cref="DocumentVerifier"/>).
/// </summary>
public static class DetectorBound
{
    public const int Page = 800;
    public const int Card = 576;

    /// <summary>The detector's bound for the sides of a document declared as <paramref name="declaredType"/>.</summary>
    public static int For(string? declaredType) => declaredType is "id_card" or "residence_permit" ? Card : Page;
}
