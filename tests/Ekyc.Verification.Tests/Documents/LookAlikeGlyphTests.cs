using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Glyphs;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Xunit.Abstractions;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>
/// Look-alikes the check digits cannot settle, read again by their OCR-B glyphs: a genuine O read as 0 becomes O, a
/// filler read as 2 a filler, and a digit the glyph reads surely is never swapped for the look-alike that would fit an
/// issued check digit (a tampered number is not repaired, it fails).
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class LookAlikeGlyphTests(OcrFixture ocr, ITestOutputHelper output)
{
    private static readonly DecisionSetGenerator Generator = OcrFixture.DecisionSet();

    /// <summary>
    /// Genuine documents of the decision set whose MRZ the recogniser misread into look-alikes the check digits could not
    /// choose between (`mrz_read_uncertain`), the printed number misread the same way: an O read as 0 in the number of a
    /// card photographed at 150 dpi; on a passport photographed at 150 dpi, an O read as 0 and the fillers of the optional
    /// data read as 5 and 2.
    /// </summary>
    [Theory]
    [InlineData(43, "genuine_id_card-001")]
    [InlineData(46, "genuine_passport-001")]
    public void A_look_alike_misread_in_a_genuine_mrz_is_read_again_by_its_glyph(int seed, string id)
    {
        var label = Generator.Plan(3, seed).Single(l => l.Id == id);
        var (front, back) = Generator.RenderDocument(label);
        using var image = OcrFixture.Decode(back ?? front);

        var reading = ocr.Reader.Read(image);

        output.WriteLine($"parse and glyphs {reading.ParseMs:F0} ms");
        foreach (var verdict in reading.GlyphVerdicts)
            output.WriteLine(verdict.ToString());
        Assert.Contains(reading.GlyphVerdicts, v => v.Sure && v.Glyph != v.Read);
        Assert.Equal(DecisionSetGenerator.MrzLines(label), reading.Parse!.Mrz!.Lines);
        Assert.True(reading.Parse.Mrz.ChecksValid);
    }

    /// <summary>
    /// A digit of the number changed on the document (WV8628593 issued, WV8638593 printed, JPEG 70–95), to which the
    /// recogniser gave the issued digit a few per cent: enough, before, to put the failing check down to the OCR. The
    /// glyph reads the printed digit surely, so nothing explains the failure away.
    /// </summary>
    [Fact]
    public void A_tampered_digit_the_recogniser_half_doubted_is_read_as_printed_and_fails()
    {
        var label = Generator.Plan(3, seed: 46).Single(l => l.Id == "tampered_check_digit-002");
        Assert.Equal("document_number", label.Tampered!.Field);
        var (front, _) = Generator.RenderDocument(label);
        using var image = OcrFixture.Decode(front);

        var reading = ocr.Reader.Read(image);

        output.WriteLine($"parse and glyphs {reading.ParseMs:F0} ms");
        foreach (var verdict in reading.GlyphVerdicts)
            output.WriteLine(verdict.ToString());
        Assert.Equal(label.DocumentNumber, reading.Parse!.Mrz!.DocumentNumber);
        Assert.False(reading.Parse.Mrz.ChecksValid);
        Assert.False(DocumentAssessment.CheckFailureMayBeTheOcrs(reading, new DocumentOptions()));
    }

    /// <summary>
    /// Seed 193 of the national design, an ID card (JPEG 70–95) whose number OL1344196 was altered to OL1744196 under its
    /// issued check digit. The recogniser read the O as 0 without a doubt (no O at 1 %), which cancels the alteration in
    /// the check digit (24·7 ≡ 4·7 modulo 10), so the altered card passed. The undoubted look-alikes of an agreeing number
    /// are read by their glyphs too: the O is an O, and the altered number fails its check.
    /// </summary>
    [Fact]
    public void An_undoubted_look_alike_misread_that_hides_an_altered_number_is_read_by_its_glyph()
    {
        var label = OcrFixture.DecisionSet(SpecimenDesign.National).Plan(8, seed: 193).Single(l => l.Id == "tampered_check_digit-005");
        Assert.Equal(("document_number", "OL1344196", "OL1744196"), (label.Tampered!.Field, label.Tampered.IssuedValue, label.DocumentNumber));
        var (_, back) = Generator.RenderDocument(label);
        using var image = OcrFixture.Decode(back!);

        var reading = ocr.Reader.Read(image);

        foreach (var verdict in reading.GlyphVerdicts)
            output.WriteLine(verdict.ToString());
        var mrz = reading.Parse!.Mrz!;
        Assert.Equal("OL1744196", mrz.DocumentNumber);
        Assert.False(mrz.ChecksValid);
        Assert.False(DocumentAssessment.CheckFailureMayBeTheOcrs(reading, new DocumentOptions()));
    }

    /// <summary>
    /// The document number printed with a 0 where the issued check digits were computed for an O: swapping the 0 for the
    /// O would make every check agree, which is how a number changed on the document would pass "repaired". The glyph
    /// reads the 0 surely, so the check fails as printed and nothing explains it away.
    /// </summary>
    [Theory]
    [InlineData(MrzFormat.Td3, 24f)]
    [InlineData(MrzFormat.Td1, 18f)]
    public void A_number_whose_look_alike_would_fit_the_issued_check_digit_is_not_repaired(MrzFormat format, float pxPerChar)
    {
        var issued = format == MrzFormat.Td1 ? SyntheticMrzReadingTests.Card with { DocumentNumber = "XO4271635" }
            : SyntheticMrzReadingTests.Passport with { DocumentNumber = "XO4271635" };
        var tampered = issued with { DocumentNumber = "X04271635" };
        var lines = MrzWriter.Write(issued).ToList();
        var numberLine = format == MrzFormat.Td1 ? 0 : 1;
        var column = format == MrzFormat.Td1 ? 6 : 1;
        lines[numberLine] = lines[numberLine][..column] + "0" + lines[numberLine][(column + 1)..];
        var encoded = OcrFixture.Renderer().Render(tampered, new SpecimenOptions
        {
            Width = (int)MathF.Round(pxPerChar / SpecimenRenderer.PixelsPerMrzChar(format, 1)), JpegQuality = 85, Noise = 3, MrzLines = lines,
        });
        using var image = OcrFixture.Decode(encoded);

        var reading = ocr.Reader.Read(image);

        output.WriteLine($"parse and glyphs {reading.ParseMs:F0} ms");
        foreach (var verdict in reading.GlyphVerdicts)
            output.WriteLine(verdict.ToString());
        var mrz = reading.Parse!.Mrz!;
        Assert.Equal("X04271635", mrz.DocumentNumber);
        Assert.False(mrz.ChecksValid);
        Assert.Contains("documentNumber", reading.LookAlikesRuledOut);
        Assert.False(DocumentAssessment.CheckFailureMayBeTheOcrs(reading, new DocumentOptions()));
    }

    /// <summary>
    /// A number altered on the document (OH2908810 issued, OH2908818 printed on an ID card saved at JPEG 70–95) whose O
    /// the recogniser read as 0 (p(O) 0.07): 0 counts 0 where O counts 24, so the misreading took 8 off the check sum as
    /// the alteration added 8, and the issued check digit agreed. The O the recogniser found plausible is read again by
    /// its glyph although the check agreed: the number reads as printed and its check fails, nothing explaining it away.
    /// </summary>
    [Fact]
    public void A_tampered_number_whose_misread_look_alike_fits_the_issued_check_digit_fails()
    {
        var label = Generator.Plan(8, seed: 101).Single(l => l.Id == "tampered_check_digit-005");
        Assert.Equal(("document_number", "OH2908810", "OH2908818"), (label.Tampered!.Field, label.Tampered.IssuedValue, label.DocumentNumber));
        var (_, back) = Generator.RenderDocument(label);
        using var image = OcrFixture.Decode(back!);

        var reading = ocr.Reader.Read(image);

        foreach (var verdict in reading.GlyphVerdicts.Where(v => v.Glyph != v.Read))
            output.WriteLine(verdict.ToString());
        Assert.Equal(label.DocumentNumber, reading.Parse!.Mrz!.DocumentNumber);
        Assert.False(reading.Parse.Mrz.ChecksValid);
        Assert.False(DocumentAssessment.CheckFailureMayBeTheOcrs(reading, new DocumentOptions()));
    }

    /// <summary>
    /// A genuine passport scanned at 300 dpi whose number begins OO, read 00 by the recogniser: 24·7 + 24·3 ≡ 0 mod 10,
    /// so the check digit agrees on the wrong number (a silent misread). The recogniser doubted the first 0; its glyph
    /// is an O, and the check is then read again whole, the second 0 too: the number reads OO and every check agrees.
    /// </summary>
    [Fact]
    public void A_number_misread_twice_into_look_alikes_that_keep_the_check_digit_is_read_exactly()
    {
        var label = Generator.Plan(8, seed: 109).Single(l => l.Id == "genuine_passport-000");
        Assert.StartsWith("OO", label.DocumentNumber);
        var (front, _) = Generator.RenderDocument(label);
        using var image = OcrFixture.Decode(front);

        var reading = ocr.Reader.Read(image);

        foreach (var verdict in reading.GlyphVerdicts.Where(v => v.Glyph != v.Read))
            output.WriteLine(verdict.ToString());
        Assert.Equal(DecisionSetGenerator.MrzLines(label), reading.Parse!.Mrz!.Lines);
        Assert.True(reading.Parse.Mrz.ChecksValid);
    }

    /// <summary>
    /// Seed 139, a passport scanned at 300 dpi whose nationality NLD the recogniser read NID: no check digit covers the
    /// code and the recogniser did not prefer NLD clearly enough to settle it, so the genuine passport was reviewed on
    /// `unknown_country_code`. The glyph of the I is an L, and NLD is a known code.
    /// </summary>
    [Fact]
    public void An_unknown_country_code_whose_glyphs_spell_a_known_one_is_read_as_drawn()
    {
        var label = Generator.Plan(8, seed: 139).Single(l => l.Id == "challenge_flat_replay-000");
        Assert.Equal("NLD", label.Holder.Nationality);
        var (front, _) = Generator.RenderDocument(label);
        using var image = OcrFixture.Decode(front);

        var reading = ocr.Reader.Read(image);

        foreach (var verdict in reading.GlyphVerdicts)
            output.WriteLine(verdict.ToString());
        Assert.Equal("NLD", reading.Parse!.Mrz!.Nationality);
        Assert.Equal(DecisionSetGenerator.MrzLines(label), reading.Parse.Mrz.Lines);
    }

    /// <summary>
    /// Seed 191 of the national design, an ID card scanned at 300 dpi: over the tinted MRZ band and its guilloche, the
    /// fillers of the name line read as K (`WAGNERKKKARLKHEINZKJEANKBAPTIS`), and the printed names could not be
    /// compared (reviewed, `printed_fields_not_found`). The glyphs read the fillers as fillers and the K of KARL as a K.
    /// </summary>
    [Fact]
    public void Fillers_of_a_name_read_as_K_over_a_tinted_band_are_read_by_their_glyphs()
    {
        var generator = new DecisionSetGenerator(FacePhotos.Locate(AppContext.BaseDirectory), OcrFixture.Renderer(), designs: [SpecimenDesign.National]);
        var label = generator.Plan(8, seed: 191).Single(l => l.Id == "genuine_id_card-008");
        var (_, back) = generator.RenderDocument(label);
        using var image = OcrFixture.Decode(back!);

        var reading = ocr.Reader.Read(image);

        foreach (var verdict in reading.GlyphVerdicts.Where(v => v.Line == 2))
            output.WriteLine(verdict.ToString());
        Assert.Equal(DecisionSetGenerator.MrzLines(label)[2], reading.Parse!.Mrz!.Lines[2]);
        Assert.Contains(reading.GlyphVerdicts, v => v.Line == 2 && v.Read == 'K' && v.Glyph == '<' && v.Sure);
    }

    /// <summary>
    /// A date digit the recogniser doubted in a check that agrees is read by its glyph, as a doubted look-alike is: a
    /// birth date altered under its issued check digit agrees again when another of its digits is misread by the right
    /// amount (7-3-1 weights, modulo 10). Another digit at 1 % is a doubt; at 0.5 % it is not.
    /// </summary>
    [Theory]
    [InlineData(0.03f, true)]
    [InlineData(0.005f, false)]
    public void A_digit_the_recogniser_doubted_in_an_agreeing_date_is_read_by_its_glyph(float alternative, bool doubted)
    {
        var lines = MrzWriter.Write(SyntheticMrzReadingTests.Passport).ToList();
        var mrz = MrzParser.Parse(lines).Mrz!;
        Assert.True(mrz.ChecksValid);
        // Line 2, column 15: the third digit of the birth date.
        var other = lines[1][15] == '8' ? '3' : '8';
        MrzLikelihood recognised = (line, column, c) => c == lines[line][column] ? 0.95f : line == 1 && column == 15 && c == other ? alternative : 0f;

        var checks = LookAlikeGlyphs.Checks(mrz, lines, recognised, [.. lines.Select(_ => 20f)]);

        Assert.Equal(doubted, checks.Any(c => c.Check.Field == "birthDate" && c.DoubtedOnly));
    }

    /// <summary>
    /// Seed 149, an ID card scanned at 300 dpi whose birth date 021204 was altered to 051204 under its issued check digit.
    /// The recogniser gave a D 1.6 % for the birth date's first 0, and D "repaired" the check (0 → D adds 13·7), so the
    /// failure was put down to the OCR (`mrz_read_uncertain`). A date holds only digits (the parser reads a D there as
    /// 0): a repair is only a character the field may hold, and the altered date fails.
    /// </summary>
    [Fact]
    public void A_repair_the_field_cannot_hold_does_not_explain_an_altered_date()
    {
        var label = Generator.Plan(8, seed: 149).Single(l => l.Id == "tampered_check_digit-003");
        Assert.Equal(("birth_date", "021204", "051204"), (label.Tampered!.Field, label.Tampered.IssuedValue, label.Holder.BirthDate));
        var (_, back) = Generator.RenderDocument(label);
        using var image = OcrFixture.Decode(back!);

        var reading = ocr.Reader.Read(image);

        output.WriteLine($"repair {reading.RepairLikelihood}, certainty {reading.FailingFieldsCertainty}");
        Assert.Equal("051204", reading.Parse!.Mrz!.BirthDate);
        Assert.False(DocumentAssessment.CheckFailureMayBeTheOcrs(reading, new DocumentOptions()));
    }
}
