using Ekyc.Verification.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace Ekyc.Verification.Ocr;

/// <summary>
/// PaddleOCR v4 CRNN recogniser: the region is cut out straightened to 48 px high, and the per-step class
/// probabilities are decoded greedily (CTC) twice — over the whole dictionary and over the MRZ alphabet only.
/// </summary>
public sealed class TextRecognizer
{
    public const int Height = 48;
    private const int MaxWidth = 2400;
    /// <summary>
    /// MRZ crops come out ~40 px per character at 48 px high; squeezed to 28 px (a 44-character line in 1,232 px) the
    /// recogniser reads them as well (<c>bench … documents-accuracy</c>) in 30 % less time. Narrower loses lines.
    /// </summary>
    internal const int MaxMrzWidth = 1232;
    /// <summary>
    /// Printed values come out ~35–40 px per character at 48 px high; the recogniser reads them as well squeezed to
    /// three quarters of that width (<c>bench … documents</c>: the same regions read before every value is found), and
    /// its time follows the width.
    /// </summary>
    private const float PrintedSqueeze = 0.75f;
    private static readonly float[] Mean = [0.5f, 0.5f, 0.5f];
    private static readonly float[] Std = [0.5f, 0.5f, 0.5f];

    private readonly ModelStore _models;
    private readonly CtcKeys _classes;
    /// <summary>The classes of the MRZ alphabet and the blank, in increasing order.</summary>
    private readonly int[] _mrzClasses;

    public TextRecognizer(ModelStore models)
    {
        _models = models;
        // Class 0 is the CTC blank, class i is line i−1 of the dictionary, the last class is a space.
        _classes = new CtcKeys(["", .. File.ReadAllLines(models.PathOf(ModelCatalog.OcrKeys)), " "]);
        _mrzClasses = [0, .. Enumerable.Range(1, _classes.Keys.Length - 1).Where(c => _classes.Keys[c] is [var k] && (char.IsAsciiLetterUpper(k) || char.IsAsciiDigit(k) || k == '<'))];
    }

    /// <summary>Blank down-weighting tried, in order, when an MRZ reading misses its expected length.</summary>
    private static readonly float[] BlankScales = [1f, 0.7f, 0.5f, 0.35f, 0.25f, 0.15f];

    /// <summary>
    /// Reads the region. With <paramref name="mrzLengths"/>, a restricted reading of another length is decoded again
    /// with the CTC blank down-weighted step by step (blur makes the blank win over faint characters) until it has
    /// one of the expected lengths.
    /// </summary>
    public RecognizedText Recognize(SKBitmap image, RotatedBox box, IReadOnlyCollection<int>? mrzLengths = null)
    {
        var input = Input(image, box, mrz: mrzLengths is not null);
        var session = _models.Session(ModelCatalog.OcrRecognize);
        using var outputs = InferenceClock.Time(() => session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)]));
        var tensor = outputs[0].AsTensor<float>();
        int steps = tensor.Dimensions[1], classes = tensor.Dimensions[2];
        var probabilities = tensor.ToArray();
        var (text, confidence, _) = Decode(probabilities, steps, classes, null, 1f);
        var (mrz, mrzConfidence, mrzSteps) = Decode(probabilities, steps, classes, _mrzClasses, 1f);
        if (mrzLengths is not null && !mrzLengths.Contains(mrz.Length))
        {
            // Keep the decoding closest to an expected length; stop at an exact one or once past the longest.
            int Miss(string t) => mrzLengths.Min(l => Math.Abs(l - t.Length));
            foreach (var scale in BlankScales.Skip(1))
            {
                var retry = Decode(probabilities, steps, classes, _mrzClasses, scale);
                if (Miss(retry.Text) < Miss(mrz))
                    (mrz, mrzConfidence, mrzSteps) = retry;
                if (Miss(mrz) == 0 || retry.Text.Length > mrzLengths.Max())
                    break;
            }
        }
        return new RecognizedText(text, mrz, confidence, mrzConfidence)
        {
            MrzAlternatives = new CtcAlternatives(probabilities, classes, mrzSteps, _classes),
        };
    }

    /// <summary>The recogniser's input for a region, cut out as an MRZ line or as a printed value.</summary>
    internal static DenseTensor<float> Input(SKBitmap image, RotatedBox box, bool mrz)
    {
        using var crop = mrz ? Crop(image, box, MaxMrzWidth) : Crop(image, box, MaxWidth, PrintedSqueeze);
        return OcrPixels.ToTensor(crop, Mean, Std);
    }

    /// <summary>The region straightened into a bitmap 48 px high, its width following the box's aspect ratio.</summary>
    internal static SKBitmap Crop(SKBitmap image, RotatedBox box, int maxWidth = MaxWidth, float squeeze = 1f)
    {
        var scale = Height / Math.Max(1f, box.Height);
        var width = Math.Clamp((int)MathF.Ceiling(box.Width * scale * squeeze), 8, maxWidth);
        var crop = new SKBitmap(new SKImageInfo(width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(crop);
        canvas.Clear(SKColors.White);
        canvas.Scale(width / Math.Max(1f, box.Width), scale);
        canvas.Translate(box.Width / 2, box.Height / 2);
        canvas.RotateDegrees(-box.Angle);
        canvas.Translate(-box.CenterX, -box.CenterY);
        using var source = SKImage.FromBitmap(image);
        // No mipmaps: building them for the whole page on every crop costs more than the crop itself.
        canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return crop;
    }

    /// <summary>
    /// Greedy CTC decoding over every class, or over the <paramref name="allowed"/> ones (in increasing order): the MRZ
    /// alphabet's 37 and the blank, not the 6,625 of the dictionary, for the up to six decodings of an MRZ line.
    /// </summary>
    private (string Text, float Confidence, int[] Steps) Decode(float[] probabilities, int steps, int classes, int[]? allowed, float blankScale)
    {
        var text = new System.Text.StringBuilder();
        var at = new List<int>();
        var previous = 0;
        double sum = 0;
        var read = 0;
        for (var t = 0; t < steps; t++)
        {
            var row = probabilities.AsSpan(t * classes, classes);
            var best = 0;
            var bestValue = float.MinValue;
            var count = allowed?.Length ?? classes;
            for (var k = 0; k < count; k++)
            {
                var c = allowed is null ? k : allowed[k];
                if (c >= classes)
                    break;
                var value = c == 0 ? row[c] * blankScale : row[c];
                if (value > bestValue)
                {
                    best = c;
                    bestValue = value;
                }
            }
            if (best != 0 && best != previous && best < _classes.Keys.Length)
            {
                text.Append(_classes.Keys[best]);
                at.Add(t);
                sum += bestValue;
                read++;
            }
            previous = best;
        }
        return (text.ToString(), read == 0 ? 0f : (float)(sum / read), [.. at]);
    }
}
