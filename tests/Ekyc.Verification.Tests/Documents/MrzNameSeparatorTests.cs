using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Ocr;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>
/// The double filler between surname and given names read as a letter: the given names then read as part of the
/// surname, and a genuine card failed `printed_mrz_mismatch` (decision set seed 53, `VON BISMARCK-SCHONHAUSEN`).
/// </summary>
public class MrzNameSeparatorTests
{
    private static readonly string[] Keys = ["blank", .. "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<".Select(c => c.ToString())];
    private static readonly MrzSpan Names = new(2, 0, 30);

    /// <summary>A reading of <paramref name="line"/>, every character sure but those given with their probabilities.</summary>
    private static CtcAlternatives Reading(string line, params (int Column, char Char, float Probability)[] doubts)
    {
        var probabilities = new float[line.Length * Keys.Length];
        for (var i = 0; i < line.Length; i++)
        {
            var row = i * Keys.Length;
            var these = doubts.Where(d => d.Column == i).ToList();
            if (these.Count == 0)
                probabilities[row + Array.IndexOf(Keys, line[i].ToString())] = 0.99f;
            foreach (var (_, c, p) in these)
                probabilities[row + Array.IndexOf(Keys, c.ToString())] = p;
        }
        return new CtcAlternatives(probabilities, Keys.Length, [.. Enumerable.Range(0, line.Length)], new CtcKeys(Keys));
    }

    private static string Restore(string line, CtcAlternatives reading)
    {
        var chars = line.ToCharArray();
        MrzReader.RestoreNameSeparator(chars, Names, reading);
        return new string(chars);
    }

    [Fact]
    public void A_doubtful_letter_where_the_double_filler_belongs_becomes_a_filler()
    {
        const string read = "VON<BISMARCK<SCHONHAUSENK<RAFA";
        Assert.Equal("VON<BISMARCK<SCHONHAUSEN<<RAFA", Restore(read, Reading(read, (24, 'K', 0.45f), (24, '<', 0.40f))));
    }

    [Fact]
    public void A_sure_letter_or_one_the_recogniser_never_saw_as_a_filler_stays()
    {
        const string read = "VON<BISMARCK<SCHONHAUSENK<RAFA";
        Assert.Equal(read, Restore(read, Reading(read, (24, 'K', 0.9f), (24, '<', 0.09f))));
        Assert.Equal(read, Restore(read, Reading(read, (24, 'K', 0.45f), (24, 'X', 0.40f))));
    }

    [Fact]
    public void A_field_that_already_holds_its_double_filler_is_left_alone()
    {
        const string read = "DE<WHT<<ANNA<MARIA<<<<<<<<<<<<";
        Assert.Equal(read, Restore(read, Reading(read, (5, 'T', 0.3f), (5, '<', 0.3f))));
    }
}
