using System.Security.Cryptography;
using Ekyc.Verification.Documents.Specimens;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>The renderer's OCR-B font is found without the Debian package; the MRZ reader's is embedded.</summary>
public class OcrBFontTests
{
    [Fact]
    public void Without_the_system_font_the_vendored_copy_is_used()
    {
        var path = OcrBFont.Locate("/nonexistent/ocr-b/OCRB.otf", AppContext.BaseDirectory);

        Assert.EndsWith(Path.Combine("src", "Ekyc.Verification", "Documents", "Fonts", "OCRB.otf"), path);
        Assert.Equal("84558d47dbc19bb5887cc7b72ed62c64534fd00f0b569d28e6dc63b71fe27707", Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        using var typeface = SKTypeface.FromFile(path);
        Assert.NotNull(typeface);
        Assert.Equal("OCR B", typeface.FamilyName);
    }

    [Fact]
    public void The_mrz_reader_compares_glyphs_of_the_embedded_font_whatever_the_host_has()
    {
        var glyphs = Ekyc.Verification.Documents.Glyphs.OcrBGlyphs.Installed;

        // O is drawn wider and rounder than 0 in OCR-B: their cells must differ.
        Assert.False(glyphs.Template('O').SequenceEqual(glyphs.Template('0')));
        Assert.True(glyphs.Moments('<').Mean > 0);
    }

    [Fact]
    public void With_no_font_anywhere_the_error_says_how_to_get_one()
    {
        var error = Assert.Throws<FileNotFoundException>(() => OcrBFont.Locate("/nonexistent/ocr-b/OCRB.otf", Path.GetTempPath()));

        Assert.Contains("fonts-ocr-b", error.Message);
    }
}
