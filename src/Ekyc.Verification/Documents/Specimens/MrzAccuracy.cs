namespace Ekyc.Verification.Documents.Specimens;

/// <summary>Character accuracy of MRZ lines read back from a specimen, for the tests and the accuracy bench.</summary>
public static class MrzAccuracy
{
    /// <summary>1 − (Levenshtein errors / expected characters), a missing line counting as all wrong; never below 0.</summary>
    public static double CharacterAccuracy(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var total = expected.Sum(l => l.Length);
        var errors = expected.Select((line, i) => i < actual.Count ? EditDistance.Between(line, actual[i]) : line.Length).Sum();
        return Math.Max(0, 1 - (double)errors / total);
    }
}
