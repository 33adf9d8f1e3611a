using Ekyc.Verification.Ocr;

namespace Ekyc.Verification.Documents;

/// <summary>
/// How large the text detector sees a document, from its declared size. Its cost follows its input's pixels, and what it
/// needs is the text's size in them: at <see cref="TextDetector.MaxSide"/> a passport page (125 mm wide) filling the
/// image gives the MRZ 17–20 px per character and the printed values their 3 mm type at 7.7 px per mm, which it finds
/// reliably. An ID-1 card (85.6 mm: TD1 ID cards, residence permits) filling the image gets the same pixels per mm at
/// 960 × 85.6 ÷ 125 = 657 px, rounded up to the detector's multiple of 32 — a card captured larger than that is detected
/// at about half the pixels, with its text as large as a passport's at the full bound.
/// </summary>
public static class DetectorBound
{
    public const int Card = 672;

    /// <summary>The detector's bound for the sides of a document declared as <paramref name="declaredType"/>.</summary>
    public static int For(string? declaredType) => declaredType is "id_card" or "residence_permit" ? Card : TextDetector.MaxSide;
}
