namespace Ekyc.Verification.Documents.Specimens;

/// <summary>The sans-serif font of the <see cref="SpecimenDesign.Modern"/> design: Debian's <c>fonts-dejavu-core</c>.</summary>
public static class SansFont
{
    private static readonly string[] Candidates =
        ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf"];

    /// <summary>The regular face; throws with what to do when it is missing.</summary>
    public static string Regular => Locate("DejaVuSans.ttf");

    /// <summary>The bold face.</summary>
    public static string Bold => Locate("DejaVuSans-Bold.ttf");

    /// <summary>A DejaVu face by file name (the serif faces ship in the same package).</summary>
    internal static string Locate(string file) =>
        Candidates.Select(c => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(c)!, file)).FirstOrDefault(File.Exists)
        ?? throw new FileNotFoundException($"{file} not found: `apt-get install -y fonts-dejavu-core`.", file);
}
