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
}
