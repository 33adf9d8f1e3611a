namespace Ekyc.Verification.Ocr;

/// <summary>
/// The recogniser's classes (0 the CTC blank, then the dictionary's lines, then a space) and the class of each character.
/// A character's probability is looked up thousands of times per MRZ reading (the parser's likelihoods, the glyph
/// readings' candidates), and searching the 6,625 keys for it each time took more CPU than the look-alike logic
/// itself. Built once per recogniser; immutable, so shared by concurrent readings.
/// </summary>
internal sealed class CtcKeys
{
    private readonly Dictionary<char, int> _classOf = [];

    public CtcKeys(string[] keys)
    {
        Keys = keys;
        // The first class of a character, as a search of the keys from the start would find it; the blank is none.
        for (var cls = keys.Length - 1; cls > 0; cls--)
            if (keys[cls].Length == 1)
                _classOf[keys[cls][0]] = cls;
    }

    public string[] Keys { get; }

    /// <summary>The class of <paramref name="c"/>, or 0 (the blank) when no class reads it.</summary>
    public int ClassOf(char c) => _classOf.GetValueOrDefault(c);
}
