namespace Ekyc.Verification.Documents.Mrz;

/// <summary>
/// Characters OCR confuses in the OCR-B MRZ font, and the fix-up by field type: a letter where only digits may
/// stand becomes its look-alike digit and vice versa.
/// </summary>
internal static class MrzConfusables
{
    private static readonly Dictionary<char, char> LetterToDigit = new()
    {
        ['O'] = '0', ['Q'] = '0', ['D'] = '0', ['U'] = '0', ['I'] = '1', ['L'] = '1', ['T'] = '7',
        ['Z'] = '2', ['S'] = '5', ['G'] = '6', ['B'] = '8', ['A'] = '4',
    };

    private static readonly Dictionary<char, char> DigitToLetter = new()
    {
        ['0'] = 'O', ['1'] = 'I', ['2'] = 'Z', ['4'] = 'A', ['5'] = 'S', ['6'] = 'G', ['7'] = 'T', ['8'] = 'B',
    };

    /// <summary>Pairs tried in alphanumeric fields when a check digit fails.</summary>
    private static readonly Dictionary<char, char[]> Swaps = new()
    {
        ['0'] = ['O', 'D', 'Q'], ['O'] = ['0', 'D', 'Q'], ['D'] = ['0', 'O'], ['Q'] = ['0', 'O'],
        ['1'] = ['I', 'L'], ['I'] = ['1', 'L'], ['L'] = ['1', 'I'],
        ['2'] = ['Z'], ['Z'] = ['2'], ['5'] = ['S'], ['S'] = ['5'], ['6'] = ['G'], ['G'] = ['6'],
        ['8'] = ['B'], ['B'] = ['8'], ['4'] = ['A'], ['A'] = ['4'], ['7'] = ['T'], ['T'] = ['7'],
    };

    /// <summary>The character a position of class <paramref name="cls"/> should hold instead of <paramref name="c"/>, or <paramref name="c"/>.</summary>
    public static char FixForClass(char c, MrzCharClass cls) => cls switch
    {
        MrzCharClass.Alpha when char.IsAsciiDigit(c) => DigitToLetter.GetValueOrDefault(c, c),
        MrzCharClass.Numeric or MrzCharClass.NumericOrFiller when char.IsAsciiLetterUpper(c) => LetterToDigit.GetValueOrDefault(c, c),
        _ => c,
    };

    public static IReadOnlyList<char> AlternativesOf(char c) => Swaps.TryGetValue(c, out var alts) ? alts : [];
}
