namespace Ekyc.Verification.Documents.Specimens;

/// <summary>
/// Finds the OCR-B font the specimen renderer needs: the system's (Debian <c>fonts-ocr-b</c>, or the file
/// <c>EKYC_OCRB_FONT</c> names), else the copy vendored in the repository under <c>src/Ekyc.Verification/Documents/Fonts</c>, so tests and
/// benchmarks run on a fresh machine without the package.
/// </summary>
public static class OcrBFont
{
    public const string DebianPath = "/usr/share/fonts/opentype/ocr-b/OCRB.otf";
    public const string EnvironmentVariable = "EKYC_OCRB_FONT";
    private const string VendoredPath = "src/Ekyc.Verification/Documents/Fonts/OCRB.otf";

    /// <summary>The font file to use; throws with what to do when there is none.</summary>
    public static string Path => Locate(Environment.GetEnvironmentVariable(EnvironmentVariable) ?? DebianPath, AppContext.BaseDirectory);

    /// <summary>The system font if it exists, else the vendored copy found in a folder above <paramref name="startFolder"/>.</summary>
    public static string Locate(string systemPath, string startFolder)
    {
        if (File.Exists(systemPath))
            return systemPath;
        for (var folder = new DirectoryInfo(startFolder); folder is not null; folder = folder.Parent)
        {
            var vendored = System.IO.Path.Combine(folder.FullName, VendoredPath);
            if (File.Exists(vendored))
                return vendored;
        }
        throw new FileNotFoundException(
            $"OCR-B font not found at {systemPath} nor as {VendoredPath} above {startFolder}: run from the repository or `apt-get install -y fonts-ocr-b`.", systemPath);
    }
}
