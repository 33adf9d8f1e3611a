using Ekyc.Verification.Ocr;
using SkiaSharp;

namespace Ekyc.Verification.Documents;

/// <summary>
/// Reads the printed (visual-inspection-zone) text of a page region by region, darkest ink first — the holder's data
/// is printed or engraved in black, the field labels in lighter colours — and stops as soon as the caller has found
/// what it looks for, so a consistent document costs a handful of recognitions and an inconsistent one is read
/// completely.
/// </summary>
public sealed class PrintedTextReader(TextRecognizer recognizer)
{
    /// <summary>Regions at most this wide for their height hold one character: no value worth comparing.</summary>
    private const float MinAspect = 1f;
    /// <summary>
    /// ONNX Runtime keeps one core busy on a crop this small, so regions are recognised two at a time (1.8× faster
    /// on two cores); the stopping test then comes after each pair.
    /// </summary>
    private const int InParallel = 2;

    /// <summary>
    /// A printed character is about this wide for the height of its detected (unclipped) box: 0.57–0.82 measured on
    /// the realistic set's names, numbers, dates and titles.
    /// </summary>
    private const float CharAspect = 0.68f;
    /// <summary>A region within this factor of a sought value's length may hold it.</summary>
    private const float LengthTolerance = 1.5f;

    /// <summary>
    /// Reads regions until <paramref name="enough"/> holds for the text lines read so far. The detector splits a line
    /// at wide gaps (O BRIEN, 12 AUG 1974), so regions on one line are joined, left to right, before the test. Among
    /// regions as dark, those about as long as a value still sought (<paramref name="soughtLengths"/>, in characters)
    /// come first: a title or an authority line is read only once the values have not been found in the others.
    /// </summary>
    public IReadOnlyList<RecognizedLine> Read(SKBitmap image, IReadOnlyList<TextRegion> regions,
        Func<IReadOnlyList<string>, bool> enough, Func<IReadOnlyList<string>, IReadOnlyCollection<int>> soughtLengths,
        CancellationToken cancellationToken)
    {
        var read = new List<(TextRegion Region, string Text, float Confidence)>();
        var lines = new List<RecognizedLine>();
        var remaining = regions
            .Where(r => r.Box.Width > MinAspect * r.Box.Height)
            .Select(r => (Region: r, Darkness: InkDarkness.Measure(image, r.Box) / 16))
            .OrderBy(r => r.Darkness)
            .ThenByDescending(r => r.Region.Box.Height)
            .ToList();
        var sought = soughtLengths([]);
        while (remaining.Count > 0)
        {
            var pair = remaining.OrderBy(r => r.Darkness).ThenBy(r => MayHold(r.Region.Box, sought) ? 0 : 1).Take(InParallel).ToArray();
            remaining.RemoveAll(r => pair.Contains(r));
            var texts = new RecognizedText[pair.Length];
            Parallel.For(0, pair.Length, new ParallelOptions { MaxDegreeOfParallelism = InParallel, CancellationToken = cancellationToken },
                i => texts[i] = recognizer.Recognize(image, pair[i].Region.Box));
            read.AddRange(pair.Zip(texts).Where(p => p.Second.Text.Length > 0).Select(p => (p.First.Region, p.Second.Text, p.Second.Confidence)));
            lines = Join(read);
            var text = lines.Select(l => l.Text).ToList();
            if (enough(text))
                break;
            sought = soughtLengths(text);
        }
        return lines;
    }

    /// <summary>
    /// Whether a region is about as long as one of the values sought (character counts), or as one of its words: the
    /// detector splits names at spaces (NICOLAS JONAS), so a region of four characters or more may be part of a longer
    /// value. Shorter regions (a code, a sex marker) and longer ones (a title) are read after.
    /// </summary>
    internal static bool MayHold(RotatedBox box, IReadOnlyCollection<int> lengths)
    {
        var chars = box.Width / Math.Max(1f, box.Height) / CharAspect;
        return lengths.Any(length => chars <= length * LengthTolerance && chars * LengthTolerance >= Math.Min(length, MinWordLength));
    }

    /// <summary>The shortest word of a sought value that is looked for first.</summary>
    private const int MinWordLength = 6;

    private static List<RecognizedLine> Join(List<(TextRegion Region, string Text, float Confidence)> read) =>
        TextLine.Group(read.Select(r => r.Region))
            .Select(line =>
            {
                var parts = read.Where(r => line.Regions.Contains(r.Region)).OrderBy(r => r.Region.Box.CenterX).ToList();
                return new RecognizedLine(line.Box, string.Join(' ', parts.Select(p => p.Text)), parts.Min(p => p.Confidence))
                {
                    Parts = parts.Select(p => new RecognizedLine(p.Region.Box, p.Text, p.Confidence)).ToList(),
                };
            })
            .OrderBy(l => l.Box.CenterY)
            .ToList();
}
