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
    /// Reads regions until <paramref name="enough"/> holds for the text lines read so far. The detector splits a line
    /// at wide gaps (O BRIEN, 12 AUG 1974), so regions on one line are joined, left to right, before the test.
    /// </summary>
    public IReadOnlyList<RecognizedLine> Read(SKBitmap image, IReadOnlyList<TextRegion> regions,
        Func<IReadOnlyList<string>, bool> enough, CancellationToken cancellationToken)
    {
        var read = new List<(TextRegion Region, string Text, float Confidence)>();
        var lines = new List<RecognizedLine>();
        var candidates = regions
            .Where(r => r.Box.Width > MinAspect * r.Box.Height)
            .OrderBy(r => InkDarkness.Measure(image, r.Box) / 16)
            .ThenByDescending(r => r.Box.Height);
        foreach (var pair in candidates.Chunk(InParallel))
        {
            var texts = new RecognizedText[pair.Length];
            Parallel.For(0, pair.Length, new ParallelOptions { MaxDegreeOfParallelism = InParallel, CancellationToken = cancellationToken },
                i => texts[i] = recognizer.Recognize(image, pair[i].Box));
            read.AddRange(pair.Zip(texts).Where(p => p.Second.Text.Length > 0).Select(p => (p.First, p.Second.Text, p.Second.Confidence)));
            lines = Join(read);
            if (enough(lines.Select(l => l.Text).ToList()))
                break;
        }
        return lines;
    }

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
