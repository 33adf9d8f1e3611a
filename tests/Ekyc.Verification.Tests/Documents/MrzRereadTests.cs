using Ekyc.Core.Checks;
using Ekyc.Synthetic.Decisions;
using DocumentCapture = Ekyc.Verification.Documents.DocumentCapture;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Ocr;
using SkiaSharp;
using Xunit.Abstractions;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>
/// Misreadings of genuine MRZs that are the OCR's, not the document's, by class: a detector box that sits off the
/// line (the recogniser then misreads whole runs: RH as 92, NN as 22, CAN as 0AN), an unknown country code the
/// recogniser itself doubts, and a number contradiction whose MRZ side was read unsure.
/// </summary>
[Collection(OcrCollection.Name)]
public sealed class MrzRereadTests(OcrFixture ocr, ITestOutputHelper output)
{
    private static readonly DecisionSetGenerator Generator = OcrFixture.DecisionSet();

    /// <summary>
    /// Backs of ID cards photographed at ~150 dpi under uneven light (the decision set's phone capture) on which the
    /// detector's first MRZ box sat a sixth of its height too low: two read with a failing check digit (RH read as 92,
    /// WP as W9), one with its check digits agreeing on a wrong number (NN read as 22: the 7-3-1 weights cannot see a
    /// misreading repeated on neighbours).
    /// </summary>
    [Theory]
    [InlineData(22, "genuine_id_card-001")]
    [InlineData(22, "genuine_id_card-005")]
    [InlineData(23, "face_mismatch-001")]
    public void A_phone_photo_of_an_id_card_reads_its_mrz_exactly(int seed, string id)
    {
        var label = Generator.Plan(3, seed).Single(l => l.Id == id);
        Assert.Equal(CaptureCondition.Phone150DpiUnevenLight, label.Capture);
        var (_, back) = Generator.RenderDocument(label);
        using var image = OcrFixture.Decode(back!);

        var reading = ocr.Reader.Read(image);

        foreach (var line in reading.Parse?.Mrz?.Lines ?? reading.RawLines)
            output.WriteLine(line);
        Assert.Equal(DecisionSetGenerator.MrzLines(label), reading.Parse!.Mrz!.Lines);
    }

    /// <summary>
    /// A passport photographed at ~150 dpi whose two lines each lost eight fillers to blur, read as a 36-character MRZ
    /// coded P (which does not exist): its composite check digit then fell on a filler and failed a genuine passport
    /// (decision set, seed 19).
    /// </summary>
    [Fact]
    public void A_passport_read_eight_fillers_short_on_both_lines_is_read_again_at_its_length()
    {
        var label = Generator.Plan(4, seed: 19).Single(l => l.Id == "genuine_passport-001");
        Assert.Equal(CaptureCondition.Phone150DpiUnevenLight, label.Capture);
        var (front, _) = Generator.RenderDocument(label);
        using var image = OcrFixture.Decode(front);

        var reading = ocr.Reader.Read(image);

        foreach (var line in reading.Parse?.Mrz?.Lines ?? reading.RawLines)
            output.WriteLine(line);
        Assert.Equal(MrzFormat.Td3, reading.Parse?.Mrz?.Format);
        Assert.Equal(DecisionSetGenerator.MrzLines(label), reading.Parse!.Mrz!.Lines);
    }

    /// <summary>
    /// The same capture, the first line read too garbled to look like an MRZ line at all (17 characters), so that no
    /// MRZ was found: the card is a specimen, which only its issuing state tells.
    /// </summary>
    [Fact]
    public void A_line_too_garbled_to_look_like_an_mrz_line_is_read_again_once_another_line_does()
    {
        var label = Generator.Plan(3, seed: 22).Single(l => l.Id == "specimen_document-001");
        var (_, back) = Generator.RenderDocument(label);
        using var image = OcrFixture.Decode(back!);

        var reading = ocr.Reader.Read(image);

        Assert.Equal(MrzFormat.Td1, reading.Parse?.Mrz?.Format);
        Assert.Equal(MrzCountryCodes.Specimen, reading.Parse!.Mrz!.IssuingState);
        Assert.Equal(DecisionSetGenerator.MrzLines(label).Skip(1), reading.Parse.Mrz.Lines.Skip(1));
    }

    /// <summary>
    /// Of a reading whose checks hold, only the lines read unsure go through the refitted boxes again (on the 150 dpi
    /// phone photos half the lines of a clean reading were sure); a reading that does not hold has every line read again.
    /// </summary>
    [Theory]
    [InlineData(true, false, false)] // clean, line read surely: kept as read
    [InlineData(true, true, true)] // clean, line read unsure: the 7-3-1 weights may have missed a repeated misreading
    [InlineData(false, false, true)] // a check fails: every line, sure or not
    [InlineData(false, true, true)]
    public void Only_the_unsure_lines_of_a_clean_reading_are_read_again(bool clean, bool unsure, bool readAgain) =>
        Assert.Equal(readAgain, MrzReader.ReadAgain(clean, unsure));

    /// <summary>
    /// A clean reading's unsure lines read again in the box shifted up: when that reading holds together and gives the
    /// same MRZ, the box shifted down is not read; a different or failing reading goes on to it.
    /// </summary>
    [Fact]
    public void A_clean_reading_read_the_same_in_the_first_refitted_box_is_confirmed()
    {
        string[] first = ["P<AUTOSULLIVAN<<DANIEL<THOMAS<<<<<<<<<<<<<<<", "SK32903137AUT0309057M3111127<<<<<<<<<<<<<<<6"];

        Assert.True(MrzReader.Confirmed(first, [.. first]));
        Assert.False(MrzReader.Confirmed(first, [first[0], "SK32903187AUT0309057M3111127<<<<<<<<<<<<<<<6"]));
        Assert.False(MrzReader.Confirmed(first, [first[1]]));
        Assert.False(MrzReader.Confirmed(first, null));
    }

    [Fact]
    public void An_unknown_country_code_becomes_the_known_one_the_recogniser_clearly_prefers()
    {
        // OEU: the recogniser read O, but gave D a fifth of its probability; no other known code comes close.
        var likelihood = Likelihood("OEU", (0, 'D', 0.2f));

        Assert.Equal("DEU", MrzCountryCodes.Settle("OEU", likelihood));
    }

    [Theory]
    [InlineData("DEU")] // known: nothing to settle
    [InlineData("UTO")] // the specimen code stays what it is
    [InlineData("OEU")] // read crisply: the recogniser gives no known code a chance
    public void A_known_specimen_or_crisply_read_code_is_left_as_read(string code) =>
        Assert.Null(MrzCountryCodes.Settle(code, Likelihood(code)));

    [Fact]
    public void An_unknown_code_between_two_known_ones_is_left_as_read()
    {
        // SWF: E (SWE) and Z (SWZ) equally likely for the last letter.
        Assert.Null(MrzCountryCodes.Settle("SWF", Likelihood("SWF", (2, 'E', 0.2f), (2, 'Z', 0.2f))));
    }

    /// <summary>
    /// The passport's MRZ number read as 222934567 with its check digits agreeing, the page printing another number. It
    /// fails only when the MRZ number was read surely and its check digit tells the two apart: NN2934567 fits it too
    /// (the same misreading on a 7-3 pair of neighbours: 23·7 + 23·3 ≡ 2·7 + 2·3 mod 10), NM2934567 does not.
    /// </summary>
    [Theory]
    [InlineData("NM2934567", 0, CheckStatus.Fail)]
    [InlineData("NM2934567", 2, CheckStatus.Review)]
    [InlineData("NN2934567", 0, CheckStatus.Review)]
    public void A_number_contradiction_fails_only_when_the_mrz_number_was_read_surely_and_its_check_digit_tells_them_apart(
        string printed, int numberDoubts, CheckStatus status)
    {
        var fields = SyntheticMrzReadingTests.Passport with { DocumentNumber = "222934567" };
        var lines = MrzWriter.Write(fields);
        using var image = new DecodedImage(new SKBitmap(1500, 1000), 1500, 1000, "jpeg", SKEncodedOrigin.TopLeft);
        var reading = new MrzReading
        {
            RawLines = lines, Parse = MrzParser.Parse(lines), PixelsPerChar = 30, MrzWidth = 1340, Confidence = 0.95f, RegionCount = 19,
            NumberDoubts = numberDoubts,
            PrintedText = Page(("Surname", "MARTIN O BRIEN"), ("Given names", "SARAH JANE"), ("Passport No.", printed)),
        };
        var capture = new DocumentCapture("front", image, null, new ImageQuality(500, 0, 200, 40), null, reading);
        var options = new DocumentOptions { RequirePortrait = false, CheckScreenRecapture = false };

        var result = DocumentAssessment.Assess([capture], null, null, "passport", new DateOnly(2026, 11, 26), options).ToVerification("test", []);

        Assert.Equal(status, result.Authenticity.Status);
        Assert.Contains("printed_mrz_mismatch", result.Authenticity.ReasonCodes);
    }

    /// <summary>The recogniser's probabilities for a code: 0.9 for each letter as read, the given alternatives, 0.0001 for the rest.</summary>
    private static Func<int, char, float> Likelihood(string read, params (int At, char C, float P)[] alternatives) => (i, c) =>
        alternatives.FirstOrDefault(a => a.At == i && a.C == c) is { C: not '\0' } a ? a.P : read[i] == c ? 0.9f : 0.0001f;

    /// <summary>Label above value, each pair below the last (20 px high lines at one left edge).</summary>
    private static List<RecognizedLine> Page(params (string Label, string Value)[] fields) =>
        fields.SelectMany((f, i) => new[] { Line(i * 3.5f, f.Label), Line(i * 3.5f + 1.5f, f.Value) }).ToList();

    private static RecognizedLine Line(float row, string text)
    {
        var width = 14f * text.Length;
        var part = new RecognizedLine(new RotatedBox(100 + width / 2, 100 + row * 20, width, 20, 0), text, 0.97f);
        return part with { Parts = [part] };
    }

    /// <summary>
    /// Passports photographed at ~150 dpi whose second MRZ line the recogniser read at 43 characters, one filler of the
    /// personal number's run lost: repaired to 44 in that run, the line lost its probabilities, so neither the
    /// recogniser's doubt nor the glyphs could settle its nationality (DEU read as 0E0 or 0EU, BEL as 8E1) or the fillers
    /// read as 2 and 5 (`unknown_country_code`, `mrz_read_uncertain`). The checks lying before the repair agree, so the
    /// characters keep their probabilities through it and the line reads exactly.
    /// </summary>
    [Theory]
    [InlineData(103, "challenge_flat_replay-006")]
    [InlineData(103, "face_mismatch-006")]
    [InlineData(107, "genuine_passport-009")]
    public void A_passport_line_read_a_filler_short_keeps_its_probabilities_and_reads_exactly(int seed, string id)
    {
        var label = Generator.Plan(8, seed).Single(l => l.Id == id);
        Assert.Equal(CaptureCondition.Phone150DpiUnevenLight, label.Capture);
        var (front, _) = Generator.RenderDocument(label);
        using var image = OcrFixture.Decode(front);

        var reading = ocr.Reader.Read(image);

        output.WriteLine(string.Join(" | ", reading.RawLines));
        Assert.Equal(DecisionSetGenerator.MrzLines(label), reading.Parse!.Mrz!.Lines);
        Assert.True(reading.Parse.Mrz.ChecksValid);
        Assert.True(reading.Likelihood!(1, 10, reading.Parse.Mrz.Lines[1][10]) > 0, "the nationality read with its probability");
    }
}
