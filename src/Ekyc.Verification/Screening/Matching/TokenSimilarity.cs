namespace Ekyc.Verification.Screening.Matching;

/// <summary>Compares two normalised tokens: exact, equivalent spelling, within the edit budget, same sound, or an initial.</summary>
internal static class TokenSimilarity
{
    /// <summary>How fast similarity falls for edits beyond the budget.</summary>
    private const double SoftDecay = 1.5;

    public static (double Score, TokenMatchKind Kind) Compare(string a, string b) => Compare(a, PhoneticKey.Of(a), b, PhoneticKey.Of(b));

    public static (double Score, TokenMatchKind Kind) Compare(string a, string soundA, string b, string soundB)
    {
        if (a == b)
        {
            return (1.0, TokenMatchKind.Exact);
        }
        if (AreEquivalent(a, b))
        {
            return (0.95, TokenMatchKind.Equivalent);
        }
        if (a.Length == 1 || b.Length == 1)
        {
            return a[0] == b[0] ? (0.7, TokenMatchKind.Initial) : (0, TokenMatchKind.None);
        }
        if (IsNumber(a) || IsNumber(b))
        {
            return (0, TokenMatchKind.None);
        }
        var budget = EditDistance.Budget(Math.Min(a.Length, b.Length));
        var longest = Math.Max(a.Length, b.Length);
        var distance = EditDistance.Compute(a, b, budget + 2);
        var score = 0.0;
        var kind = TokenMatchKind.None;
        if (distance <= budget)
        {
            score = 1.0 - (double)distance / longest;
            kind = TokenMatchKind.Fuzzy;
        }
        else if (distance <= budget + 2)
        {
            // Beyond the budget a near miss still counts a little, decaying fast: it can support, not make, a match.
            score = Math.Max(0, 1.0 - SoftDecay * distance / longest);
            kind = score > 0 ? TokenMatchKind.Fuzzy : TokenMatchKind.None;
        }
        if (score < 0.75 && soundA.Length >= 3 && soundA == soundB && Math.Abs(a.Length - b.Length) <= 2)
        {
            return (0.75, TokenMatchKind.Phonetic);
        }
        return (score, kind);
    }

    public static bool AreEquivalent(string a, string b)
    {
        if (!NameData.Groups.TryGetValue(a, out var ga) || !NameData.Groups.TryGetValue(b, out var gb))
        {
            return false;
        }
        foreach (var x in ga)
        {
            foreach (var y in gb)
            {
                if (x == y)
                {
                    return true;
                }
            }
        }
        return false;
    }

    public static bool IsNumber(string token) => token.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
}
