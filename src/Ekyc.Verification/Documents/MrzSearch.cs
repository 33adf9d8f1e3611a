using Ekyc.Verification.Ocr;
using SkiaSharp;

namespace Ekyc.Verification.Documents;

/// <summary>
/// How an upload's MRZ is looked for, by the verification (also on copies turned a quarter or half turn) and by the
/// capture page's precheck alike. The detector sees the image at the document's bound first, which assumes the document
/// fills the image; where that gives no MRZ, at the full bound. A dim room's photo: the gain leaves each colour channel
/// grainy on its own, and the detector, given the colours, breaks the MRZ's filler runs off its lines or misses an ID
/// card's MRZ whole (decisions --captures low_light). In the luma the channels' grain averages out; the recogniser still
/// reads the colours, and a luma reading only replaces none. The grain misleads the recogniser too: a dim room's genuine
/// passport read its number's <c>J</c> as <c>I</c> and fillers as <c>K</c>, surely enough to be rejected, and read every
/// character right in a grey copy. So an MRZ whose checks disagree is read again, detected and recognised in the luma,
/// and that reading replaces it only when all its checks agree: a digit really altered disagrees in grey too.
/// </summary>
public static class MrzSearch
{
    /// <summary>The reading kept, with the times of every read made.</summary>
    public static MrzReading Read(MrzReader reader, SKBitmap image, int bound, CancellationToken token)
    {
        var reading = reader.Read(image, token, readMrz: true, bound);
        // Text running up or down is not read as an MRZ at any bound, in colour or in luma: the quarter turn reads it.
        if (TextSkew.RunsSideways(reading.TextAngle))
            return reading;
        var (detectMs, recognizeMs, parseMs) = (reading.DetectMs, reading.RecognizeMs, reading.ParseMs);
        var foundAt = bound;
        if (reading.Parse?.Success != true && Math.Max(image.Width, image.Height) > bound && bound < TextDetector.MaxSide)
        {
            reading = reader.Read(image, token);
            (detectMs, recognizeMs, parseMs) = (detectMs + reading.DetectMs, recognizeMs + reading.RecognizeMs, parseMs + reading.ParseMs);
            foundAt = TextDetector.MaxSide;
        }
        if (reading.Parse?.Success != true)
        {
            var grey = reader.Read(image, token, readMrz: true, bound, lumaDetection: true);
            (detectMs, recognizeMs, parseMs) = (detectMs + grey.DetectMs, recognizeMs + grey.RecognizeMs, parseMs + grey.ParseMs);
            if (grey.Parse?.Success == true)
                (reading, foundAt) = (grey, bound);
        }
        if (reading.Parse is { Success: true, Mrz.ChecksValid: false })
        {
            using var luma = OcrPixels.Luma(image);
            var again = reader.Read(luma, token, readMrz: true, foundAt);
            (detectMs, recognizeMs, parseMs) = (detectMs + again.DetectMs, recognizeMs + again.RecognizeMs, parseMs + again.ParseMs);
            if (again.Parse is { Success: true, Mrz.ChecksValid: true })
                reading = again;
        }
        return reading with { DetectMs = detectMs, RecognizeMs = recognizeMs, ParseMs = parseMs };
    }
}
