namespace Ekyc.Verification.Ocr;

/// <summary>A text region found by the detector, with its mean text probability.</summary>
public sealed record TextRegion(RotatedBox Box, float Score);

/// <summary>
/// Recognised text. <see cref="Text"/> is the unrestricted reading, <see cref="MrzText"/> the reading restricted to
/// A–Z, 0–9 and <c>&lt;</c>; <see cref="Confidence"/> is the mean probability of the characters read.
/// </summary>
public sealed record RecognizedText(string Text, string MrzText, float Confidence, float MrzConfidence);
