using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Xunit.Abstractions;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>Synthetic TD3 and TD1 documents rendered in OCR-B, degraded, and read back end to end.</summary>
[Collection(OcrCollection.Name)]
public sealed class SyntheticMrzReadingTests(OcrFixture ocr, ITestOutputHelper output)
{
    public static readonly MrzFields Passport = new(MrzFormat.Td3, "P", "GBR", "MARTIN O BRIEN", "SARAH JANE", "K07X94B21",
        "GBR", "850101", 'F', "330114", "ZE184226B");

    public static readonly MrzFields Card = new(MrzFormat.Td1, "ID", "FRA", "DUBOIS", "JEAN PIERRE", "X4RTBPFW4",
        "FRA", "900517", 'M', "310517", "", "");

    [Theory]
    [InlineData(MrzFormat.Td3, 18f, 0f, 0f, 100)]
    [InlineData(MrzFormat.Td3, 30f, 0f, 0f, 85)]
    [InlineData(MrzFormat.Td3, 24f, 3f, 0.8f, 80)]
    [InlineData(MrzFormat.Td3, 20f, -2f, 0f, 75)]
    [InlineData(MrzFormat.Td1, 18f, 0f, 0f, 100)]
    [InlineData(MrzFormat.Td1, 26f, 2.5f, 0.8f, 85)]
    public void Rendered_document_reads_back_with_high_character_accuracy(MrzFormat format, float pxPerChar, float rotation, float blur, int jpeg)
    {
        var fields = format == MrzFormat.Td1 ? Card : Passport;
        var width = (int)MathF.Round(pxPerChar / SpecimenRenderer.PixelsPerMrzChar(format, 1));
        var encoded = OcrFixture.Renderer().Render(fields, new SpecimenOptions
        {
            Width = width, RotationDegrees = rotation, BlurSigma = blur, JpegQuality = jpeg, Noise = 3,
        });
        using var image = OcrFixture.Decode(encoded);

        var reading = ocr.Reader.Read(image);

        var expected = MrzWriter.Write(fields);
        var actual = reading.Parse?.Mrz?.Lines ?? reading.RawLines;
        output.WriteLine($"width {width}px, {reading.PixelsPerChar:F1} px/char, det {reading.DetectMs:F0} ms, rec {reading.RecognizeMs:F0} ms");
        foreach (var line in reading.RawLines)
            output.WriteLine("raw   " + line);
        foreach (var line in actual)
            output.WriteLine("fixed " + line);
        var accuracy = MrzAccuracy.CharacterAccuracy(expected, actual);
        output.WriteLine($"character accuracy {accuracy:P2}");
        Assert.True(accuracy >= 0.995, $"character accuracy {accuracy:P2} < 99.5%");
        Assert.True(reading.Parse!.Mrz!.ChecksValid);
    }
}
