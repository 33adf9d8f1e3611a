namespace Ekyc.Verification.Documents.Specimens;

/// <summary>Character accuracy of MRZ lines read back from a specimen, for the tests and the accuracy bench.</summary>
public static class MrzAccuracy
{
    /// <summary>1 − (Levenshtein errors / expected characters), a missing line counting as all wrong; never below 0.</summary>
    public static double CharacterAccuracy(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var total = expected.Sum(l => l.Length);
        var errors = expected.Select((line, i) => i < actual.Count ? Levenshtein(line, actual[i]) : line.Length).Sum();
        return Math.Max(0, 1 - (double)errors / total);
    }

    private static int Levenshtein(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
