using System.Security.Cryptography;
using Ekyc.Verification.Documents.Specimens;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>The renderer's OCR-B font is found without the Debian package.</summary>
public class OcrBFontTests
{
    [Fact]
    public void Without_the_system_font_the_vendored_copy_is_used()
    {
        var path = OcrBFont.Locate("/nonexistent/ocr-b/OCRB.otf", AppContext.BaseDirectory);

        Assert.EndsWith(Path.Combine("tests", "data", "fonts", "OCRB.otf"), path);
        Assert.Equal("84558d47dbc19bb5887cc7b72ed62c64534fd00f0b569d28e6dc63b71fe27707", Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        using var typeface = SKTypeface.FromFile(path);
        Assert.NotNull(typeface);
        Assert.Equal("OCR B", typeface.FamilyName);
    }

    [Fact]
    public void With_no_font_anywhere_the_error_says_how_to_get_one()
    {
        var error = Assert.Throws<FileNotFoundException>(() => OcrBFont.Locate("/nonexistent/ocr-b/OCRB.otf", Path.GetTempPath()));

        Assert.Contains("fonts-ocr-b", error.Message);
    }
}
