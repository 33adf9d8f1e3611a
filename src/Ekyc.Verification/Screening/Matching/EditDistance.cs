namespace Ekyc.Verification.Screening.Matching;

/// <summary>Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), with an early exit.</summary>
internal static class EditDistance
{
    /// <summary>The distance, or <paramref name="limit"/> + 1 as soon as it must exceed the limit.</summary>
    public static int Compute(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > limit)
            {
                return limit + 1;
            }
            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }
        return previous[b.Length];
    }

    /// <summary>Edits allowed for a token of this length: none up to 3 letters, then more as tokens grow.</summary>
    public static int Budget(int length) => length switch
    {
        <= 3 => 0,
        <= 5 => 1,
        <= 9 => 2,
        _ => 3,
    };
}
