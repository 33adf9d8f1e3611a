using Ekyc.Verification.Documents.Glyphs;
using Ekyc.Verification.Models;
using Ekyc.Verification.Ocr;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>
/// The MRZ reading's hot paths made cheaper without changing a reading: a character's class looked up instead of
/// searched among the recogniser's keys, and the glyph cells' shift sums taken a vector of shifts at a time.
/// </summary>
public class OcrLookupTests
{
    [Fact]
    public void A_character_s_class_is_the_first_key_a_search_of_the_dictionary_finds()
    {
        string[] keys = ["", .. File.ReadAllLines(ModelStore.Locate().PathOf(ModelCatalog.OcrKeys)), " "];
        var classes = new CtcKeys(keys);

        foreach (var key in keys.Where(k => k.Length == 1).Distinct())
            Assert.Equal(Array.IndexOf(keys, key), classes.ClassOf(key[0]));
        Assert.Equal(0, classes.ClassOf('\u0001'));
    }

    [Fact]
    public void A_repeated_key_reads_as_its_first_class_and_an_unknown_character_as_none()
    {
        var classes = new CtcKeys(["", "A", "B", "A", "<"]);

        Assert.Equal(1, classes.ClassOf('A'));
        Assert.Equal(4, classes.ClassOf('<'));
        Assert.Equal(0, classes.ClassOf('Z'));
    }

    [Theory]
    [InlineData(12, 12)]
    [InlineData(4, 3)]
    public void A_glyph_window_s_sums_are_those_of_a_shift_by_shift_loop_bit_for_bit(int slackX, int slackY)
    {
        const int glyphHeight = 38;
        var width = OcrBGlyphs.Pitch + 2 * slackX;
        var random = new Random(7);
        var ink = Enumerable.Range(0, width * (glyphHeight + 2 * slackY)).Select(_ => (float)random.NextDouble()).ToArray();

        var window = new MrzLineCells.Window(ink, slackX, slackY, glyphHeight);

        var n = OcrBGlyphs.Pitch * glyphHeight;
        for (var oy = 0; oy <= 2 * slackY; oy++)
            for (var ox = 0; ox <= 2 * slackX; ox++)
            {
                float sum = 0, sumSq = 0;
                for (var y = 0; y < glyphHeight; y++)
                    for (var x = 0; x < OcrBGlyphs.Pitch; x++)
                    {
                        var p = ink[(oy + y) * width + ox + x];
                        sum += p;
                        sumSq += p * p;
                    }
                var at = oy * (2 * slackX + 1) + ox;
                Assert.Equal(BitConverter.SingleToInt32Bits(sum), BitConverter.SingleToInt32Bits(window.Sum[at]));
                Assert.Equal(BitConverter.SingleToInt32Bits(sumSq - sum * sum / n), BitConverter.SingleToInt32Bits(window.Variance[at]));
            }
    }
}
