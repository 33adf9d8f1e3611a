using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Printed;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>
/// What the OCR may have got wrong in an MRZ is not held against the document: look-alikes in the number that the
/// printed number settles, and impossible field values read unsure. What the document itself shows still fails.
/// </summary>
public sealed class MrzOcrDoubtTests
{
    private static readonly MrzFields Passport = SyntheticMrzReadingTests.Passport;

    /// <summary>The passport's MRZ with its number as the OCR read it (the check digits as issued).</summary>
    private static MrzResult ReadAs(string number)
    {
        var lines = MrzWriter.Write(Passport).ToArray();
        lines[1] = number + lines[1][9..];
        return MrzParser.Parse(lines).Mrz!;
    }

    [Fact]
    public void Look_alikes_in_the_number_are_settled_by_the_printed_number()
    {
        // K07X94B21 read as KO7X94B2I: two look-alikes, and more than one swap would make the check agree on its own.
        var misread = ReadAs("KO7X94B2I");
        Assert.False(misread.ChecksValid);

        var settled = PrintedNumberSettlement.Settle(misread, ["PASSPORT / PASSEPORT", "Passport No. / No du passeport", "K07X94B21"]);

        Assert.NotNull(settled);
        Assert.True(settled.ChecksValid);
        Assert.Equal("K07X94B21", settled.DocumentNumber);
        Assert.Equal(2, settled.Corrections.Count(c => c.Reason == PrintedNumberSettlement.Reason));
    }

    [Theory]
    [InlineData("K07X94B22")] // a printed number that differs by more than look-alikes
    [InlineData("KO7X94B2I")] // the printed number as misread as the MRZ
    public void A_printed_number_that_is_not_a_look_alike_reading_settles_nothing(string printed) =>
        Assert.Null(PrintedNumberSettlement.Settle(ReadAs("KO7X94B2I"), [printed]));

    [Fact]
    public void A_number_altered_in_print_and_mrz_is_not_settled()
    {
        // A forger changed a digit everywhere and left the check digit as issued: the printed number is the MRZ's.
        var tampered = ReadAs("K07X95B21");

        Assert.False(tampered.ChecksValid);
        Assert.Null(PrintedNumberSettlement.Settle(tampered, ["K07X95B21"]));
    }

    [Fact]
    public void A_look_alike_swap_the_recogniser_finds_implausible_is_left_unsettled_not_taken()
    {
        // A digit of the number changed on the document, the issued check digits kept, such that one look-alike swap
        // (a 0 read as O…) happens to fit them: without probabilities the fix-up takes it and the number "passes".
        var issued = MrzWriter.Write(Passport with { DocumentNumber = "DP7070436" }).ToArray();
        var tampered = Enumerable.Range(2, 7).SelectMany(i => "0123456789".Select(d => issued[1][..i] + d + issued[1][(i + 1)..]))
            .Select(line2 => new[] { issued[0], line2 })
            .First(lines => lines[1] != issued[1] && MrzParser.Parse(lines, autocorrect: true).Mrz is { ChecksValid: true, Corrections.Count: > 0 });
        // The recogniser read every character crisply: 0.98 for what it read, next to nothing for anything else.
        MrzLikelihood crisp = (line, column, c) => tampered[line][column] == c ? 0.98f : 0.0001f;

        var read = MrzParser.Parse(tampered, autocorrect: true, crisp).Mrz!;

        Assert.False(read.ChecksValid);
        Assert.Contains("documentNumber", read.FailingFieldChecks);
        // A genuine O read as 0 looks the same to the recogniser: unsettled (review), neither passed nor failed.
        Assert.Contains("documentNumber", read.UnsettledLookAlikes);
    }

    [Theory]
    [InlineData(0.41f, DocumentSignal.Review, "mrz_read_uncertain")]
    [InlineData(0.97f, DocumentSignal.Fail, "mrz_field_invalid")]
    public void An_impossible_sex_marker_fails_only_when_read_with_certainty(float certainty, string status, string reason)
    {
        var lines = MrzWriter.Write(Passport).ToArray();
        lines[1] = lines[1][..20] + 'H' + lines[1][21..];
        var parse = MrzParser.Parse(lines);
        var reading = new MrzReading { Parse = parse, InvalidFieldsCertainty = certainty };

        var signal = DocumentAssessment.SyntaxSignal(parse.Mrz!, reading, new DocumentOptions());

        Assert.Equal((status, reason), (signal.Status, signal.Reason));
    }
}
