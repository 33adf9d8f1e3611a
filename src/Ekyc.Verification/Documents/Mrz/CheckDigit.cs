namespace Ekyc.Verification.Documents.Mrz;

/// <summary>ICAO 9303 Part 3 check digit: weights 7-3-1, digits as themselves, A–Z = 10–35, filler <c>&lt;</c> = 0.</summary>
public static class CheckDigit
{
    private static readonly int[] Weights = [7, 3, 1];

    /// <summary>The check digit of <paramref name="text"/>, or null when it holds a character outside the MRZ set.</summary>
    public static char? Compute(ReadOnlySpan<char> text)
    {
        var sum = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var value = ValueOf(text[i]);
            if (value < 0)
                return null;
            sum += value * Weights[i % 3];
        }
        return (char)('0' + sum % 10);
    }

    /// <summary>The numeric value of an MRZ character, or −1 outside A–Z, 0–9 and <c>&lt;</c>.</summary>
    public static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        '<' => 0,
        _ => -1,
    };

    public static bool IsMrzChar(char c) => ValueOf(c) >= 0;

    /// <summary>Every character an MRZ may hold.</summary>
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";
}
