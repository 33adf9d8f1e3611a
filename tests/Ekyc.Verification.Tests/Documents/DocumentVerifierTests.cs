using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Synthetic.Capture;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Printed;
using Ekyc.Verification.Documents.Specimens;
using SkiaSharp;
using Xunit.Abstractions;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>The engine end to end on rendered documents and on bad input.</summary>
[Collection(OcrCollection.Name)]
public sealed class DocumentVerifierTests(OcrFixture ocr, ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    // Synthetic pages carry a drawn silhouette, not a face: the portrait signal is tested on its own below.
    private static readonly DocumentOptions NoPortrait = new() { RequirePortrait = false };

    private DocumentVerifier Verifier(DocumentOptions? options = null) => new(ocr.Models, options ?? NoPortrait);

    private static byte[] Render(MrzFields fields, SpecimenOptions? options = null) =>
        OcrFixture.Renderer().Render(fields, options ?? new SpecimenOptions { Width = 1500, JpegQuality = 90 });

    private DocumentVerification Verify(byte[] front, byte[]? back = null, string? type = null, DocumentOptions? options = null)
    {
        var result = Verifier(options).Verify(new DocumentImages(front, back, type), Today, CancellationToken.None);
        output.WriteLine($"{result.Authenticity.Status}: {string.Join(", ", result.Authenticity.ReasonCodes)}");
        if (result.Authenticity.Evidence.TryGetValue("signals", out var signals) && signals is IEnumerable<DocumentSignal> list)
            foreach (var s in list)
                output.WriteLine($"  {s.Code}: {s.Status} {System.Text.Json.JsonSerializer.Serialize(s.Value)} {s.Reason}");
        return result;
    }

    private static IReadOnlyList<DocumentSignal> Signals(DocumentVerification v) =>
        (IReadOnlyList<DocumentSignal>)v.Authenticity.Evidence["signals"]!;

    private static Dictionary<string, PrintedFieldResult> Printed(DocumentVerification v) =>
        ((IReadOnlyList<PrintedFieldResult>)v.Authenticity.Evidence["printed_fields"]!).ToDictionary(f => f.Field);

    [Fact]
    public void Genuine_passport_passes_with_extracted_data()
    {
        var result = Verify(Render(SyntheticMrzReadingTests.Passport), type: "passport");

        Assert.Equal(CheckStatus.Pass, result.Authenticity.Status);
        Assert.Equal(CheckNames.DocumentAuthenticity, result.Authenticity.Name);
        var data = result.Extracted!;
        Assert.Equal("SARAH JANE MARTIN O BRIEN", data.FullName);
        Assert.Equal("MARTIN O BRIEN", data.Surname);
        Assert.Equal("SARAH JANE", data.GivenNames);
        Assert.Equal(new DateOnly(1985, 1, 1), data.DateOfBirth);
        Assert.Equal(new DateOnly(2033, 1, 14), data.ExpiryDate);
        Assert.Equal("K07X94B21", data.DocumentNumber);
        Assert.Equal("passport", data.DocumentType);
        Assert.Equal("GBR", data.Nationality);
        Assert.Equal("GBR", data.IssuingCountry);
        Assert.Equal("F", data.Sex);
        Assert.Equal(DocumentSignal.Pass, Signals(result).Single(s => s.Code == "printed_fields").Status);
        Assert.Contains(result.Authenticity.Timings, t => t.Stage == "front_ocr_detect");
        Assert.NotNull(result.Authenticity.Version);
    }

    [Fact]
    public void Printed_text_is_read_only_until_every_mrz_value_is_found()
    {
        var result = Verify(Render(SyntheticMrzReadingTests.Passport));

        var fields = Printed(result);
        foreach (var field in new[] { PrintedFields.Surname, PrintedFields.GivenNames, PrintedFields.DocumentNumber, PrintedFields.DateOfBirth, PrintedFields.ExpiryDate })
            Assert.True(fields[field].Agrees, field);
        var front = (Dictionary<string, object?>)result.Authenticity.Evidence["front"]!;
        // Labels are printed in a lighter ink and read last: the values are found before them.
        Assert.InRange((int)front["printed_lines"]!, 3, (int)front["text_regions"]! / 2);
    }

    [Fact]
    public void Printed_surname_that_differs_from_the_mrz_fails_naming_the_field()
    {
        var printed = SyntheticMrzReadingTests.Passport with { Surname = "LAMBERT" };
        var page = Render(SyntheticMrzReadingTests.Passport, new SpecimenOptions { Width = 1500, JpegQuality = 90, PrintedFields = printed });

        var result = Verify(page);

        Assert.Equal(CheckStatus.Fail, result.Authenticity.Status);
        Assert.Contains("printed_mrz_mismatch", result.Authenticity.ReasonCodes);
        var surname = Signals(result).Single(s => s.Code == "printed_surname");
        Assert.Equal(DocumentSignal.Fail, surname.Status);
        var field = Printed(result)[PrintedFields.Surname];
        Assert.Equal((false, "LAMBERT", "MARTIN O BRIEN"), (field.Agrees, field.Printed, field.Mrz));
        Assert.True(Printed(result)[PrintedFields.DocumentNumber].Agrees);
        Assert.Equal("K07X94B21", result.Extracted?.DocumentNumber);
    }

    [Fact]
    public void Visa_is_read_but_not_taken_for_an_identity_document()
    {
        static string Digit(string field) => field + CheckDigit.Compute(field);
        var passport = MrzWriter.Write(SyntheticMrzReadingTests.Passport);
        string[] visa = ["V" + passport[0][1..], (Digit("K07X94B21") + "GBR" + Digit("850101") + "F" + Digit("330114")).PadRight(44, '<')];

        var result = Verify(Render(SyntheticMrzReadingTests.Passport, new SpecimenOptions { Width = 1500, JpegQuality = 90, MrzLines = visa }));

        Assert.Equal(CheckStatus.Review, result.Authenticity.Status);
        Assert.Contains("visa_not_identity_document", result.Authenticity.ReasonCodes);
        Assert.Null(result.Extracted?.DocumentType);
        Assert.Equal("K07X94B21", result.Extracted?.DocumentNumber);
    }

    [Fact]
    public void Expired_document_fails()
    {
        var expired = SyntheticMrzReadingTests.Passport with { ExpiryDate = "240114" };
        var result = Verify(Render(expired));
        Assert.Equal(CheckStatus.Fail, result.Authenticity.Status);
        Assert.Contains("document_expired", result.Authenticity.ReasonCodes);
    }

    [Fact]
    public void Altered_mrz_digit_fails_the_check_digits()
    {
        var lines = MrzWriter.Write(SyntheticMrzReadingTests.Passport).ToArray();
        // Birth year 85 → 83 without recomputing the check digits.
        lines[1] = lines[1][..13] + "83" + lines[1][15..];
        var result = Verify(Render(SyntheticMrzReadingTests.Passport, new SpecimenOptions { Width = 1500, MrzLines = lines }));
        Assert.Equal(CheckStatus.Fail, result.Authenticity.Status);
        Assert.Contains("check_digit_mismatch", result.Authenticity.ReasonCodes);
    }

    [Fact]
    public void Specimen_state_code_fails()
    {
        var result = Verify(Render(SyntheticMrzReadingTests.Passport with { IssuingState = "UTO", Nationality = "UTO" }));
        Assert.Contains("specimen_document", result.Authenticity.ReasonCodes);
        Assert.Equal(CheckStatus.Fail, result.Authenticity.Status);
    }

    [Fact]
    public void A_malformed_exif_block_costs_only_the_metadata_signal()
    {
        // The Software entry points at 0x7FFFFFF0: once an overflow past the bound check, which threw and turned
        // this rejected specimen into review/engine_error with no document signal at all.
        var page = Render(SyntheticMrzReadingTests.Passport with { IssuingState = "UTO", Nationality = "UTO" });
        var jpeg = ExifWriter.WithExif(page, orientation: 1, software: "Adobe Photoshop 25.0", softwareOffset: 0x7FFFFFF0);

        var result = Verify(jpeg);

        Assert.Equal(CheckStatus.Fail, result.Authenticity.Status);
        Assert.Contains("specimen_document", result.Authenticity.ReasonCodes);
        var metadata = Signals(result).Single(s => s.Code == "front_metadata");
        Assert.Equal((DocumentSignal.NotRun, "metadata_unreadable"), (metadata.Status, metadata.Reason));
        Assert.Contains("2147483632", Assert.IsType<string>(metadata.Value));
    }

    [Fact]
    public void Declared_type_that_disagrees_goes_to_review()
    {
        var result = Verify(Render(SyntheticMrzReadingTests.Passport), type: "id_card");
        Assert.Equal(CheckStatus.Review, result.Authenticity.Status);
        Assert.Contains("document_type_mismatch", result.Authenticity.ReasonCodes);
    }

    [Fact]
    public void Id_card_printed_front_is_compared_with_the_mrz_on_its_back()
    {
        var card = SyntheticMrzReadingTests.Card;
        var front = Render(card, new SpecimenOptions { Width = 1000, DrawMrz = false, JpegQuality = 90, DateStyle = PrintedDateStyle.DigitsDotted });
        var back = Render(card, new SpecimenOptions { Width = 1000, DrawPrinted = false, JpegQuality = 90 });

        var result = Verify(front, back, "id_card");

        Assert.Equal(CheckStatus.Pass, result.Authenticity.Status);
        var fields = Printed(result);
        foreach (var field in new[] { PrintedFields.Surname, PrintedFields.GivenNames, PrintedFields.DocumentNumber, PrintedFields.DateOfBirth, PrintedFields.ExpiryDate })
            Assert.Equal((true, "front"), (fields[field].Agrees == true, fields[field].Side));
        Assert.Equal("X4RTBPFW4", result.Extracted!.DocumentNumber);
        Assert.Equal("id_card", result.Extracted.DocumentType);
    }

    [Fact]
    public void Id_card_photographed_at_15_px_per_mrz_character_passes()
    {
        // A card 505 px wide: 150 dpi, about 15 px per MRZ character.
        var card = SyntheticMrzReadingTests.Card;
        var capture = new SpecimenOptions { Width = 505, JpegQuality = 85, Noise = 3, UnevenLight = 0.3f, DateStyle = PrintedDateStyle.DigitsSpaced };
        var result = Verify(Render(card, capture with { DrawMrz = false }), Render(card, capture with { DrawPrinted = false }), "id_card");

        Assert.Equal(CheckStatus.Pass, result.Authenticity.Status);
        Assert.Equal("X4RTBPFW4", result.Extracted!.DocumentNumber);
        // Every check digit agreed and the printed fields agree: the reading is verified, whatever the mean probability of a blurred line.
        Assert.True(result.Authenticity.Confidence >= new DocumentOptions().VerifiedReadConfidence);
    }

    [Fact]
    public void Id_card_whose_long_name_the_mrz_truncates_to_an_initial_passes()
    {
        // 27 letters of surname, the filler pair, then room for one letter of the given names: JOSE MARIA becomes J.
        var card = SyntheticMrzReadingTests.Card with { Surname = "DOS SANTOS PEREIRA-CARVALHO", GivenNames = "JOSE MARIA" };
        Assert.EndsWith("<<J", MrzWriter.Write(card)[2]);
        var capture = new SpecimenOptions { Width = 1000, JpegQuality = 90, DateStyle = PrintedDateStyle.DigitsDotted };

        var result = Verify(Render(card, capture with { DrawMrz = false }), Render(card, capture with { DrawPrinted = false }), "id_card");

        Assert.Equal(CheckStatus.Pass, result.Authenticity.Status);
        Assert.Equal("J", result.Extracted!.GivenNames);
        Assert.True(Printed(result)[PrintedFields.GivenNames].Agrees);
    }

    [Theory]
    [InlineData(PrintedDateStyle.DayMonthNameYear)]
    [InlineData(PrintedDateStyle.DigitsDotted)]
    public void Id_card_of_another_design_passes(PrintedDateStyle dates)
    {
        var card = SyntheticMrzReadingTests.Card;
        var capture = new SpecimenOptions { Width = 1000, JpegQuality = 90, Design = SpecimenDesign.Modern, DateStyle = dates };

        var result = Verify(Render(card, capture with { DrawMrz = false }), Render(card, capture with { DrawPrinted = false }), "id_card");

        Assert.Equal(CheckStatus.Pass, result.Authenticity.Status);
        Assert.True(Printed(result)[PrintedFields.Surname].Agrees);
    }

    [Fact]
    public void Printed_surname_beside_its_label_that_differs_from_the_mrz_fails()
    {
        // The modern card prints "Surname  LAMBERT" on one row: the value is beside its label, not under it.
        var card = SyntheticMrzReadingTests.Card;
        var capture = new SpecimenOptions { Width = 1000, JpegQuality = 90, Design = SpecimenDesign.Modern };
        var front = Render(card, capture with { DrawMrz = false, PrintedFields = card with { Surname = "LAMBERT" } });

        var result = Verify(front, Render(card, capture with { DrawPrinted = false }), "id_card");

        Assert.Equal(CheckStatus.Fail, result.Authenticity.Status);
        Assert.Contains(Signals(result), s => s is { Code: "printed_surname", Status: DocumentSignal.Fail });
    }

    [Theory]
    [InlineData(PrintedDateStyle.DayMonthNameYear)] // 17 May 1990
    [InlineData(PrintedDateStyle.BilingualMonthShortYear)] // 17. Mai 1990
    public void Id_card_of_a_national_design_with_full_month_names_passes(PrintedDateStyle dates)
    {
        // German labels first, serif values in blue-black ink, a tinted band behind the MRZ and a barcode above it.
        var card = SyntheticMrzReadingTests.Card;
        var capture = new SpecimenOptions { Width = 1000, JpegQuality = 90, Design = SpecimenDesign.National, DateStyle = dates };

        var result = Verify(Render(card, capture with { DrawMrz = false }), Render(card, capture with { DrawPrinted = false }), "id_card");

        Assert.Equal(CheckStatus.Pass, result.Authenticity.Status);
        Assert.True(Printed(result)[PrintedFields.DateOfBirth].Agrees);
        Assert.True(Printed(result)[PrintedFields.ExpiryDate].Agrees);
    }

    [Fact]
    public void Passport_with_a_different_surname_printed_before_the_given_names_on_one_line_fails()
    {
        // "Name, Vornamen / Surname, given names" above "LAMBERT, SARAH JANE": the surname is the part before the comma.
        var passport = SyntheticMrzReadingTests.Passport;
        var page = Render(passport, new SpecimenOptions { Width = 1500, JpegQuality = 90, Design = SpecimenDesign.National, PrintedFields = passport with { Surname = "LAMBERT" } });

        var result = Verify(page);

        Assert.Equal(CheckStatus.Fail, result.Authenticity.Status);
        Assert.Contains(Signals(result), s => s is { Code: "printed_surname", Status: DocumentSignal.Fail });
    }

    [Fact]
    public void Printed_fields_without_the_surname_do_not_pass()
    {
        // Every other field agrees; a surname the reader cannot find may be the one a forger changed.
        var card = SyntheticMrzReadingTests.Card;
        var capture = new SpecimenOptions { Width = 1000, JpegQuality = 90 };
        var front = Render(card, capture with { DrawMrz = false, PrintedFields = card with { Surname = "" } });

        var result = Verify(front, Render(card, capture with { DrawPrinted = false }), "id_card");

        Assert.Equal(CheckStatus.Review, result.Authenticity.Status);
        Assert.Contains(Signals(result), s => s is { Code: "printed_fields", Reason: "printed_fields_not_found" });
    }

    [Fact]
    public void Front_of_another_person_fails_naming_the_fields()
    {
        var card = SyntheticMrzReadingTests.Card;
        var other = card with { Surname = "LAMBERT", GivenNames = "CLAIRE", DocumentNumber = "Q81ZK27M0", BirthDate = "770302", ExpiryDate = "290811" };
        var front = Render(other, new SpecimenOptions { Width = 1000, DrawMrz = false, JpegQuality = 90 });
        var back = Render(card, new SpecimenOptions { Width = 1000, DrawPrinted = false, JpegQuality = 90 });

        var result = Verify(front, back, "id_card");

        Assert.Equal(CheckStatus.Fail, result.Authenticity.Status);
        Assert.Contains("printed_mrz_mismatch", result.Authenticity.ReasonCodes);
        Assert.Contains(Signals(result), s => s is { Code: "printed_surname", Status: DocumentSignal.Fail });
        Assert.Contains(Signals(result), s => s is { Code: "printed_document_number", Status: DocumentSignal.Fail });
    }

    [Theory]
    [InlineData(MrzFormat.Td3)]
    [InlineData(MrzFormat.Td1)]
    public void Altered_check_digit_fails_at_18_px_per_character(MrzFormat format)
    {
        var fields = format == MrzFormat.Td1 ? SyntheticMrzReadingTests.Card : SyntheticMrzReadingTests.Passport;
        var lines = MrzWriter.Write(fields).ToArray();
        // The birth date's check digit changed, nothing else.
        var column = format == MrzFormat.Td1 ? 6 : 19;
        lines[1] = lines[1][..column] + (char)('0' + (lines[1][column] - '0' + 3) % 10) + lines[1][(column + 1)..];
        var capture = new SpecimenOptions { Width = (int)MathF.Round(18 / SpecimenRenderer.PixelsPerMrzChar(format, 1)), JpegQuality = 85, Noise = 3, MrzLines = lines };

        var result = format == MrzFormat.Td1
            ? Verify(Render(fields, capture with { DrawMrz = false }), Render(fields, capture with { DrawPrinted = false }))
            : Verify(Render(fields, capture));

        Assert.Equal(CheckStatus.Fail, result.Authenticity.Status);
        Assert.Contains("check_digit_mismatch", result.Authenticity.ReasonCodes);
    }

    [Fact]
    public void Exif_orientation_is_applied_and_editing_software_is_flagged()
    {
        // Store the page turned 90° clockwise with EXIF orientation 8 (display turns it back) and a Photoshop tag.
        using var page = OcrFixture.Decode(Render(SyntheticMrzReadingTests.Passport));
        using var turned = new SKBitmap(new SKImageInfo(page.Height, page.Width, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(turned))
        {
            canvas.Translate(page.Height, 0);
            canvas.RotateDegrees(90);
            using var image = SKImage.FromBitmap(page);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }
        using var encoded = SKImage.FromBitmap(turned).Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = ExifWriter.WithExif(encoded.ToArray(), orientation: 8, software: "Adobe Photoshop 25.0 (Windows)");

        var result = Verify(jpeg);

        Assert.Equal("K07X94B21", result.Extracted?.DocumentNumber);
        Assert.Equal(CheckStatus.Review, result.Authenticity.Status);
        Assert.Contains("edited_with_software", result.Authenticity.ReasonCodes);
    }

    [Fact]
    public void Upside_down_photo_is_read()
    {
        var result = Verify(Render(SyntheticMrzReadingTests.Passport, new SpecimenOptions { Width = 1400, RotationDegrees = 181.5f, JpegQuality = 90 }));
        Assert.Equal(CheckStatus.Pass, result.Authenticity.Status);
        Assert.Equal("K07X94B21", result.Extracted?.DocumentNumber);
    }

    [Theory]
    [InlineData(90, 270)]
    [InlineData(270, 90)]
    [InlineData(180, 180)]
    public void Photo_turned_without_exif_orientation_is_read_and_its_portrait_looked_for(float degrees, int turnedBack)
    {
        // Default options: the portrait is looked for on the turned page (it was looked for on the disposed unturned
        // image, and the process crashed).
        var page = Render(SyntheticMrzReadingTests.Passport, new SpecimenOptions { Width = 1400, JpegQuality = 90 });

        var result = Verify(Turn(page, degrees), options: new DocumentOptions());

        Assert.Equal("K07X94B21", result.Extracted?.DocumentNumber);
        Assert.Contains("portrait_not_found", result.Authenticity.ReasonCodes); // a drawn silhouette, no face
        var front = (IDictionary<string, object?>)result.Authenticity.Evidence["front"]!;
        Assert.Equal(turnedBack, front["turned_degrees"]);
    }

    private static byte[] Turn(byte[] encoded, float degrees)
    {
        using var page = SKBitmap.Decode(encoded);
        var sideways = degrees % 180 != 0;
        using var turned = new SKBitmap(sideways ? page.Height : page.Width, sideways ? page.Width : page.Height);
        using (var canvas = new SKCanvas(turned))
        {
            canvas.Translate(turned.Width / 2f, turned.Height / 2f);
            canvas.RotateDegrees(degrees);
            canvas.Translate(-page.Width / 2f, -page.Height / 2f);
            using var source = SKImage.FromBitmap(page);
            canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }
        using var image = SKImage.FromBitmap(turned);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }

    [Fact]
    public void Missing_portrait_is_reviewed_when_required()
    {
        var result = Verify(Render(SyntheticMrzReadingTests.Passport), options: new DocumentOptions());
        Assert.Equal(CheckStatus.Review, result.Authenticity.Status);
        Assert.Contains("portrait_not_found", result.Authenticity.ReasonCodes);
    }

    [Fact]
    public void Low_resolution_capture_goes_to_review()
    {
        var small = Render(SyntheticMrzReadingTests.Passport, new SpecimenOptions { Width = 700 });
        var result = Verify(small, options: NoPortrait with { MinPixelsPerMrzChar = 16 });
        Assert.Equal(CheckStatus.Review, result.Authenticity.Status);
        Assert.Contains("low_resolution", result.Authenticity.ReasonCodes);
    }

    [Fact]
    public void Blurred_capture_goes_to_review_with_its_sharpness()
    {
        var result = Verify(Render(SyntheticMrzReadingTests.Passport, new SpecimenOptions { Width = 1500, BlurSigma = 3f, JpegQuality = 90 }));

        Assert.Equal(CheckStatus.Review, result.Authenticity.Status);
        Assert.Contains("image_blurred", result.Authenticity.ReasonCodes);
        var sharpness = Signals(result).Single(s => s.Code == "front_sharpness");
        Assert.True(Convert.ToDouble(sharpness.Value) < NoPortrait.MinSharpness);
        Assert.Equal(DocumentSignal.Pass, Signals(Verify(Render(SyntheticMrzReadingTests.Passport))).Single(s => s.Code == "front_sharpness").Status);
    }

    [Theory]
    [InlineData(0.8f, DocumentSignal.Pass)]
    [InlineData(2.5f, DocumentSignal.Review)]
    public void Card_lying_small_on_a_plain_desk_is_judged_blurred_by_its_own_sharpness(float blur, string expected)
    {
        // A 125 dpi card taking a sixth of a 1008 px frame, as soft as a phone's photo: the flat desk around it diluted the
        // whole frame's sharpness to a third of the threshold (a needless image_blurred review); its text alone measures
        // about twice the threshold. Blurred further (σ 2.5 px), it stays under the threshold, desk or not.
        var card = SyntheticMrzReadingTests.Card;
        var capture = new SpecimenOptions { Width = 420, JpegQuality = 95, Noise = 2, BlurSigma = blur, DateStyle = PrintedDateStyle.DigitsDotted };
        var result = Verify(OnPlainDesk(Render(card, capture with { DrawMrz = false })), OnPlainDesk(Render(card, capture with { DrawPrinted = false })), "id_card");

        Assert.Equal(expected, Signals(result).Single(s => s.Code == "front_sharpness").Status);
        Assert.Equal(expected == DocumentSignal.Review, result.Authenticity.ReasonCodes.Contains("image_blurred"));
    }

    /// <summary>The page in the middle of a plain desk 2.4 times its width and 2.6 times its height.</summary>
    private static byte[] OnPlainDesk(byte[] page)
    {
        using var card = SKBitmap.Decode(page);
        using var desk = new SKBitmap((int)(card.Width * 2.4), (int)(card.Height * 2.6));
        using (var canvas = new SKCanvas(desk))
        {
            canvas.Clear(new SKColor(164, 132, 98));
            using var image = SKImage.FromBitmap(card);
            canvas.DrawImage(image, (desk.Width - card.Width) / 2f, (desk.Height - card.Height) / 2f, SKSamplingOptions.Default);
        }
        using var data = desk.Encode(SKEncodedImageFormat.Jpeg, 92);
        return data.ToArray();
    }

    [Fact]
    public void Empty_and_undecodable_uploads_fail_with_their_reason()
    {
        Assert.Contains("image_empty", Verify([]).Authenticity.ReasonCodes);
        var garbage = Verify(Enumerable.Range(0, 5000).Select(i => (byte)(i * 37)).ToArray());
        Assert.Equal(CheckStatus.Fail, garbage.Authenticity.Status);
        Assert.Contains("image_undecodable", garbage.Authenticity.ReasonCodes);
        Assert.Null(garbage.Extracted);
    }

    [Fact]
    public void Blank_page_fails()
    {
        var result = Verify(Encode(1200, 900, canvas => canvas.Clear(SKColors.White)));
        Assert.Equal(CheckStatus.Fail, result.Authenticity.Status);
        Assert.Contains("blank_image", result.Authenticity.ReasonCodes);
    }

    [Fact]
    public void Picture_without_a_document_is_not_passed()
    {
        // A cat-like picture: coloured shapes and soft gradients, no text.
        var picture = Encode(1024, 768, canvas =>
        {
            using var paint = new SKPaint { IsAntialias = true };
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(1024, 768),
                [new SKColor(120, 160, 90), new SKColor(200, 190, 160)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, 1024, 768, paint);
            paint.Shader = null;
            paint.Color = new SKColor(210, 140, 60);
            canvas.DrawOval(new SKRect(300, 250, 700, 650), paint);
            canvas.DrawCircle(500, 230, 130, paint);
            paint.Color = SKColors.Black;
            canvas.DrawCircle(450, 210, 18, paint);
            canvas.DrawCircle(550, 210, 18, paint);
        });
        var result = Verify(picture);
        Assert.NotEqual(CheckStatus.Pass, result.Authenticity.Status);
        Assert.True(result.Authenticity.ReasonCodes.Intersect(["no_document_found", "mrz_not_found"]).Any());
    }

    [Fact]
    public void Huge_image_is_decoded_smaller_and_still_read()
    {
        var page = OcrFixture.Decode(Render(SyntheticMrzReadingTests.Passport));
        var huge = Encode(9000, 7000, canvas =>
        {
            canvas.Clear(new SKColor(60, 60, 60));
            using var image = SKImage.FromBitmap(page);
            canvas.DrawImage(image, new SKRect(600, 800, 8400, 800 + 7800f * page.Height / page.Width), new SKSamplingOptions(SKFilterMode.Linear));
        });
        page.Dispose();

        var result = Verify(huge);

        Assert.Equal("K07X94B21", result.Extracted?.DocumentNumber);
        Assert.Contains(result.Authenticity.Status, new[] { CheckStatus.Pass, CheckStatus.Review });
        Assert.Contains("image_too_large", Verify(huge, options: NoPortrait with { MaxImagePixels = 10_000_000 }).Authenticity.ReasonCodes);
    }

    private static byte[] Encode(int width, int height, Action<SKCanvas> draw)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
            draw(canvas);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
    /// <summary>
    /// Seed 137, a genuine ID card photographed at 150 dpi: DOS SANTOS PEREIRA-CARVALHO, STEFAN ADRIAN, its given names
    /// truncated to S in the MRZ. The printed given names were detected as two parts, and ADRIAN, tilted a pixel nearer
    /// to the label, was compared with S: a false `printed_mrz_mismatch` failed the card. The value starts with STEFAN.
    /// </summary>
    [Fact]
    public void A_genuine_card_whose_printed_given_names_were_split_passes()
    {
        var label = OcrFixture.DecisionSet().Plan(8, seed: 137).Single(l => l.Id == "genuine_passive_selfie-005");
        Assert.Equal("STEFAN ADRIAN", label.Holder.GivenNames);
        var (front, back) = OcrFixture.DecisionSet().RenderDocument(label);

        var result = Verify(front, back, "id_card");

        Assert.Equal("STEFAN", Printed(result)[PrintedFields.GivenNames].Printed);
        Assert.DoesNotContain("printed_mrz_mismatch", result.Authenticity.ReasonCodes);
        Assert.Equal(CheckStatus.Pass, result.Authenticity.Status);
    }

    /// <summary>
    /// The 7-3-1 weights cannot see the same misreading on a 7-3 pair of neighbours (II read as TT: 18·7 + 18·3 and
    /// 29·7 + 29·3 are both 0 mod 10), so a printed number that differs from the MRZ's only so fits the MRZ's check digit
    /// as well as the MRZ's own number: the check cannot tell which side was misread, and the contradiction reviews.
    /// A printed number that fails the check digit still fails the document.
    /// </summary>
    [Theory]
    [InlineData("TT0576311", CheckStatus.Review)]
    [InlineData("TU0576311", CheckStatus.Fail)]
    public void A_number_contradiction_the_check_digit_cannot_see_reviews(string mrzNumber, CheckStatus expected)
    {
        var printed = SyntheticMrzReadingTests.Passport with { DocumentNumber = "II0576311" };
        var encoded = printed with { DocumentNumber = mrzNumber };
        var lines = MrzWriter.Write(encoded).ToArray();
        Assert.True(MrzParser.Parse(lines).Mrz!.ChecksValid);

        var result = Verify(Render(printed, new SpecimenOptions { Width = 1500, JpegQuality = 90, MrzLines = lines }));

        Assert.Equal(expected, result.Authenticity.Status);
        Assert.Contains("printed_mrz_mismatch", result.Authenticity.ReasonCodes);
    }

    /// <summary>
    /// Seed 149, a genuine passport at JPEG 70–95 whose MRZ number II0576311 the recogniser read TT0576311 (the check digit
    /// agreeing) while the printed number read right: it failed `printed_mrz_mismatch`; the check cannot tell which side
    /// was misread, so it reviews.
    /// </summary>
    [Fact]
    public void A_genuine_passport_whose_mrz_number_was_misread_in_the_check_digits_blind_spot_does_not_fail()
    {
        var label = OcrFixture.DecisionSet().Plan(8, seed: 149).Single(l => l.Id == "genuine_passport-003");
        Assert.Equal("II0576311", label.DocumentNumber);
        var (front, _) = OcrFixture.DecisionSet().RenderDocument(label);

        var result = Verify(front, type: "passport");

        Assert.NotEqual(CheckStatus.Fail, result.Authenticity.Status);
    }

    /// <summary>
    /// National design, printed/MRZ-mismatch passports (a forged surname printed beside the genuine given names, on one
    /// line under one label) turned or at JPEG 70–95: the label read garbled, the surname was "not found" and the forgery
    /// reviewed `printed_fields_not_found`. The line's other half is the MRZ's given names, so its first half is the
    /// printed surname: a confident contradiction, failed naming the field.
    /// </summary>
    [Theory]
    [InlineData(193, "printed_mrz_mismatch-002")]
    [InlineData(193, "printed_mrz_mismatch-004")]
    [InlineData(241, "printed_mrz_mismatch-004")]
    public void A_forged_surname_on_a_one_line_name_whose_label_was_not_read_fails(int seed, string id)
    {
        var generator = OcrFixture.DecisionSet(SpecimenDesign.National);
        var label = generator.Plan(8, seed).Single(l => l.Id == id);
        var (front, _) = generator.RenderDocument(label);

        var result = Verify(front, type: "passport", options: new DocumentOptions());

        Assert.Equal(label.PrintedSurname, Printed(result)[PrintedFields.Surname].Printed);
        Assert.Equal(CheckStatus.Fail, result.Authenticity.Status);
        Assert.Contains(Signals(result), s => s is { Code: "printed_surname", Status: "fail", Reason: "printed_mrz_mismatch" });
    }

    /// <summary>
    /// Seed 301, national design: a genuine passport turned 2–6° whose given names, MAXIMILIAN THOMAS, the MRZ cuts to
    /// MAXIMILIAN TH, printed on one line with the surname and read with the space lost (MAXIMILIANTHOMAS). Taken as the
    /// given names beside the MRZ's surname, it contradicted the MRZ by four letters and failed the passport; only the
    /// surname is taken from a one-line name.
    /// </summary>
    [Fact]
    public void A_genuine_passport_whose_cut_given_names_were_read_run_together_does_not_fail()
    {
        var generator = OcrFixture.DecisionSet(SpecimenDesign.National);
        var label = generator.Plan(8, seed: 301).Single(l => l.Id == "genuine_passive_selfie-002");
        var (front, _) = generator.RenderDocument(label);

        var result = Verify(front, type: "passport", options: new DocumentOptions());

        Assert.NotEqual(CheckStatus.Fail, result.Authenticity.Status);
    }
}
