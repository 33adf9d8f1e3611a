using Ekyc.Verification.Models;

namespace Ekyc.Bench.Quantization;

/// <summary><c>--int8 det|rec|det,rec</c> of the document benches: which OCR models run as their int8 variants.</summary>
internal static class Int8Option
{
    public static OcrInt8 Parse(string[] args) =>
        Array.IndexOf(args, "--int8") is var i and >= 0
            ? args[i + 1].Split(',').Aggregate(OcrInt8.None, (all, name) => all | name switch
            {
                "det" => OcrInt8.Detector,
                "rec" => OcrInt8.Recognizer,
                _ => throw new ArgumentException($"--int8 {name}: det, rec or det,rec"),
            })
            : OcrInt8.None;
}
