namespace Ekyc.Verification.Documents.Specimens;

/// <summary>
/// The issuer's page design. Genuine documents of different issuers differ in everything around the MRZ, so a reader
/// tuned on one design can fail on another: the benchmarks render both.
/// </summary>
public enum SpecimenDesign
{
    /// <summary>OCR-B everywhere, bilingual labels above their values, a wavy background.</summary>
    Classic,
    /// <summary>
    /// A sans-serif visual zone (DejaVu Sans) under a coloured header band, numbered mixed-case labels, a rosette
    /// guilloche, a faded ghost portrait beside the main one, a signature; on an ID card's front the labels sit beside
    /// their values.
    /// </summary>
    Modern,
    /// <summary>
    /// A national issuer's design: labels in the national language first (<c>Name / Surname</c>, <c>Gültig bis / Date of
    /// expiry</c>), values in a serif font and blue-black ink, the portrait on the right, fields in two columns in the
    /// issuer's order, the passport's surname and given names on one line (<c>MUELLER, ANNA MARIA</c>), dates with full
    /// month names (<c>12 April 1989</c>, <c>12. März 1989</c>) or <c>12.APR.1989</c>, a tinted guilloche band behind the MRZ,
    /// and a card back with address, height and a barcode above the MRZ.
    /// </summary>
    National,
}
