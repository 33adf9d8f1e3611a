using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Forensics;
using Ekyc.Verification.Documents.Imaging;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>The small pure pieces of the document engine.</summary>
public sealed class DocumentPartsTests
{
    [Theory]
    [InlineData("Date of birth 12 AUG 1974", true)]
    [InlineData("12.08.1974", true)]
    [InlineData("12/08/74", true)]
    [InlineData("1974-08-12", true)]
    [InlineData("12 AUG 1975", false)]
    [InlineData("21.08.1974", false)]
    public void Printed_dates_are_found_in_their_usual_forms(string line, bool found) =>
        Assert.Equal(found, PrintedFieldMatcher.ContainsDate([line], new DateOnly(1974, 8, 12)));

    [Fact]
    public void Printed_names_fold_diacritics_and_tolerate_one_ocr_error()
    {
        Assert.True(PrintedFieldMatcher.ContainsText(["Nom: Müller-Lüdenscheidt"], "MULLER LUDENSCHEIDT"));
        Assert.True(PrintedFieldMatcher.ContainsText(["ERIKSS0N"], "ERIKSSON"));
        Assert.False(PrintedFieldMatcher.ContainsText(["ERIKSEN"], "ERIKSSON"));
        Assert.False(PrintedFieldMatcher.ContainsText(["LI"], "LU"));
    }

    [Theory]
    [InlineData("740812", "1974-08-12")]
    [InlineData("010101", "2001-01-01")]
    [InlineData("261231", "1926-12-31")]
    public void Birth_dates_are_never_in_the_future(string yymmdd, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), MrzDates.Birth(yymmdd, new DateOnly(2026, 11, 26)));

    [Fact]
    public void Expiry_dates_lie_within_fifty_years()
    {
        Assert.Equal(new DateOnly(2033, 1, 14), MrzDates.Expiry("330114", new DateOnly(2026, 11, 26)));
        Assert.Equal(new DateOnly(1994, 6, 23), MrzDates.Expiry("940623", new DateOnly(2026, 11, 26)));
        Assert.Null(MrzDates.Expiry("941323", new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public void Exif_orientation_turns_the_image_upright_and_software_is_read()
    {
        var jpeg = ExifWriter.WithExif(Jpeg(300, 100), orientation: 6, software: "GIMP 2.10.34");

        var (image, rejection) = ImageDecoder.Decode(jpeg, new DocumentOptions());
        var traces = MetadataTraces.Read(jpeg);

        Assert.Null(rejection);
        using (image)
        {
            Assert.Equal((100, 300), (image!.Bitmap.Width, image.Bitmap.Height));
            Assert.Equal(SKEncodedOrigin.RightTop, image.Origin);
        }
        Assert.Equal("GIMP 2.10.34", traces.Software);
        Assert.Equal("gimp", traces.Editor);
        Assert.Null(MetadataTraces.Read(Jpeg(300, 100)).Editor);
    }

    [Theory]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<", 44, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<")]
    [InlineData("IDFRAX4RTBPFW46<<<<<<<<<<<<<<<<<", 30, "IDFRAX4RTBPFW46<<<<<<<<<<<<<<<")]
    public void Mrz_lines_are_repaired_to_length_at_their_filler_runs(string line, int length, string expected) =>
        Assert.Equal(expected, MrzReader.FitLength(line, length));

    private static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawRect(0, 0, width / 3f, height / 2f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }
}
