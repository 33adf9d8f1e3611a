namespace Ekyc.Verification.Faces;

/// <summary>Black and white levels of a face box (luma 0–255 of its darkest and brightest 2 %: <see cref="FaceTone"/>).</summary>
internal sealed record FaceToneLevels(double Black, double White)
{
    /// <summary>Encoding gamma by which the levels are brought back to light, near enough for a ratio.</summary>
    private const double Gamma = 2.2;

    /// <summary>
    /// White over black in linear light (each level one code up, so a clipped black reads as a large ratio, not a division
    /// by zero). A live face under one exposure spans about 20:1 and more; a print cannot darken below 1–4 % of its white.
    /// </summary>
    public double Contrast => Math.Pow((White + 1) / (Black + 1), Gamma);
}
