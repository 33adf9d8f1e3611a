namespace Ekyc.Verification.Documents.Specimens;

/// <summary>The serif font of the <see cref="SpecimenDesign.National"/> design's values: DejaVu Serif, Debian's <c>fonts-dejavu-core</c>.</summary>
public static class SerifFont
{
    /// <summary>The regular face; throws with what to do when it is missing.</summary>
    public static string Regular => SansFont.Locate("DejaVuSerif.ttf");

    /// <summary>The bold face.</summary>
    public static string Bold => SansFont.Locate("DejaVuSerif-Bold.ttf");
}
