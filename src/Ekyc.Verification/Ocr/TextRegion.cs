namespace Ekyc.Verification.Ocr;

/// <summary>A text region found by the detector, with its mean text probability.</summary>
public sealed record TextRegion(RotatedBox Box, float Score);

/// <summary>
/// Recognised text. <see cref="Text"/> is the unrestricted reading, <see cref="MrzText"/> the reading restricted to
/// A–Z, 0–9 and <c>&lt;</c>; <see cref="Confidence"/> is the mean probability of the characters read.
/// </summary>
public sealed record RecognizedText(string Text, string MrzText, float Confidence, float MrzConfidence)
{
    /// <summary>The class probabilities behind each character of <see cref="MrzText"/>, to pick alternatives.</summary>
    internal CtcAlternatives? MrzAlternatives { get; init; }
}

/// <summary>For each character of a greedy CTC reading, the time step it was read at and that step's class probabilities.</summary>
internal sealed class CtcAlternatives(float[] probabilities, int classes, int[] steps, CtcKeys keys)
{
    public int Count => steps.Length;

    /// <summary>Where along the crop (0 at its left edge, 1 at its right) character <paramref name="index"/> was read.</summary>
    public float Along(int index) => (steps[index] + 0.5f) * classes / probabilities.Length;

    /// <summary>The alternatives of the characters at <paramref name="indices"/>, in that order (a reading repaired to length).</summary>
    public CtcAlternatives Select(IReadOnlyList<int> indices) => new(probabilities, classes, [.. indices.Select(i => steps[i])], keys);

    /// <summary>The probability of <paramref name="c"/> at character <paramref name="index"/>'s step.</summary>
    public float Probability(int index, char c)
    {
        var cls = keys.ClassOf(c);
        return cls <= 0 ? 0f : probabilities[steps[index] * classes + cls];
    }

    /// <summary>The most probable character at character <paramref name="index"/>'s step among those <paramref name="allowed"/>.</summary>
    public (char Char, float Probability)? Best(int index, Func<char, bool> allowed)
    {
        var row = probabilities.AsSpan(steps[index] * classes, classes);
        (char, float)? best = null;
        var all = keys.Keys;
        for (var c = 1; c < classes && c < all.Length; c++)
        {
            if (all[c].Length == 1 && allowed(all[c][0]) && (best is null || row[c] > best.Value.Item2))
                best = (all[c][0], row[c]);
        }
        return best;
    }
}
