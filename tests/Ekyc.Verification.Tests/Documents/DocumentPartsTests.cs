using Ekyc.Core.Checks;
using Ekyc.Synthetic.Capture;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Forensics;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Ocr;
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
        // A full-width digit from the recogniser's East Asian dictionary (read on a 12 MP phone photo) is the digit.
        Assert.Equal("SK3290313", PrintedFieldMatcher.Normalise("SK3\uFF1290313"));
        Assert.True(PrintedFieldMatcher.ContainsText(["\uFF2D\uFF35\uFF2C\uFF2C\uFF25\uFF32"], "MULLER"));
    }

    [Fact]
    public void Black_data_reads_darker_than_a_grey_label()
    {
        using var page = new SKBitmap(new SKImageInfo(400, 200, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(page))
        using (var typeface = SKTypeface.FromFile(Ekyc.Verification.Documents.Specimens.OcrBFont.Path))
        using (var font = new SKFont(typeface, 40))
        using (var paint = new SKPaint { IsAntialias = true })
        {
            canvas.Clear(new SKColor(235, 238, 245));
            paint.Color = new SKColor(110, 120, 150);
            canvas.DrawText("Surname", 20, 60, SKTextAlign.Left, font, paint);
            paint.Color = SKColors.Black;
            canvas.DrawText("MARTIN", 20, 150, SKTextAlign.Left, font, paint);
        }
        var label = InkDarkness.Measure(page, new RotatedBox(100, 47, 180, 50, 0));
        var value = InkDarkness.Measure(page, new RotatedBox(100, 137, 180, 50, 0));
        Assert.True(value + 60 < label, $"value {value}, label {label}");
        Assert.Equal(255, InkDarkness.Measure(page, new RotatedBox(-500, -500, 10, 10, 0)));
    }

    [Fact]
    public void Every_mrz_value_must_be_found_for_the_printed_text_to_be_complete()
    {
        var data = new Ekyc.Core.Checks.ExtractedData { Surname = "MARTIN", DocumentNumber = "K07X94B21", DateOfBirth = new DateOnly(1985, 1, 1) };
        string[] partial = ["MARTIN", "K07X94B21"];
        Assert.False(PrintedFieldMatcher.FoundAll(partial, data));
        Assert.True(PrintedFieldMatcher.FoundAll([.. partial, "01 JAN 1985"], data));
    }

    [Fact]
    public void Of_several_swaps_that_fix_a_check_digit_only_a_far_likelier_one_is_taken()
    {
        // Document number GMOJ9AL2S read with a zero for the O: several look-alike swaps repair its check digit.
        string[] read = ["IDFRAGM0J9AL2S3FP4<<<<<<<<<<<<", "6909080F2712099FRA<<<<<<<<<<<4", "PISY<<JHBHIF<JVRO<<<<<<<<<<<<<"];
        Assert.False(MrzParser.Parse(read, autocorrect: true).Mrz!.ChecksValid);

        var likely = MrzParser.Parse(read, autocorrect: true, (line, column, c) => line == 0 && column == 7 && c == 'O' ? 0.3f : 0.001f).Mrz!;
        Assert.True(likely.ChecksValid);
        Assert.Equal("GMOJ9AL2S", likely.DocumentNumber);
        Assert.Contains(likely.Corrections, c => c.Reason.Contains("likeliest", StringComparison.Ordinal));

        var undecided = MrzParser.Parse(read, autocorrect: true, (_, _, _) => 0.2f).Mrz!;
        Assert.False(undecided.ChecksValid);
        // Left failing, but as a confusion of look-alikes: the assessment reviews it instead of failing the document.
        Assert.Contains("documentNumber", undecided.UnsettledLookAlikes);
        Assert.Empty(MrzParser.Parse(read, autocorrect: false).Mrz!.UnsettledLookAlikes);
    }

    [Theory]
    [InlineData(0.0005f, CheckStatus.Fail, "check_digit_mismatch")]
    [InlineData(0.30f, CheckStatus.Review, "mrz_read_uncertain")]
    public void A_failing_check_digit_fails_unless_a_plausible_misreading_repairs_it(float repair, CheckStatus status, string reason)
    {
        var lines = MrzWriter.Write(SyntheticMrzReadingTests.Passport).ToArray();
        // Birth year 85 → 83 without recomputing the check digits.
        lines[1] = lines[1][..13] + "83" + lines[1][15..];
        using var image = new DecodedImage(new SKBitmap(1500, 1000), 1500, 1000, "jpeg", SKEncodedOrigin.TopLeft);
        var reading = new MrzReading
        {
            RawLines = lines, Parse = MrzParser.Parse(lines), PixelsPerChar = 30, MrzWidth = 1340, Confidence = 0.95f, RegionCount = 19,
            FailingFieldsCertainty = 0.9f, RepairLikelihood = repair,
        };
        var capture = new DocumentCapture("front", image, null, new ImageQuality(500, 0, 200, 40), null, reading);
        var options = new DocumentOptions { RequirePortrait = false, ReadPrintedFields = false, CheckScreenRecapture = false };

        var result = DocumentAssessment.Assess([capture], null, null, "passport", new DateOnly(2026, 11, 26), options).ToVerification("test", []);

        Assert.Equal(status, result.Authenticity.Status);
        Assert.Contains(reason, result.Authenticity.ReasonCodes);
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

    [Theory]
    [InlineData(0x7FFFFFF0u)]
    [InlineData(0xFFFFFFFFu)]
    [InlineData(0x80000000u)]
    public void An_out_of_range_exif_offset_is_reported_unreadable(uint offset)
    {
        var jpeg = ExifWriter.WithExif(BlockImage.Encode(300, 100), orientation: 6, software: "GIMP 2.10.34", softwareOffset: offset);

        var traces = MetadataTraces.Read(jpeg);

        Assert.Null(traces.Software);
        Assert.StartsWith("exif: tag 0x0131", traces.Unreadable);
    }

    [Fact]
    public void Exif_orientation_turns_the_image_upright_and_software_is_read()
    {
        var jpeg = ExifWriter.WithExif(BlockImage.Encode(300, 100), orientation: 6, software: "GIMP 2.10.34");

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
        Assert.Null(MetadataTraces.Read(BlockImage.Encode(300, 100)).Editor);
    }

    [Theory]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<", 44, "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<")]
    [InlineData("IDFRAX4RTBPFW46<<<<<<<<<<<<<<<<<", 30, "IDFRAX4RTBPFW46<<<<<<<<<<<<<<<")]
    public void Mrz_lines_are_repaired_to_length_at_their_filler_runs(string line, int length, string expected) =>
        Assert.Equal(expected, MrzReader.FitLength(line, length));
}
