using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Imaging;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Models;
using Ekyc.Verification.Ocr;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace Ekyc.Bench.Quantization;

/// <summary>
/// The inputs the OCR models are calibrated on, generated in code and fed as the engine feeds them: genuine passports
/// and ID cards (both sides) of the decision set's generator as 300 dpi scans and 150 dpi phone photos, and MRZ pages
/// of the accuracy bench's renderer at 12 and 24 px per character; the recogniser sees every region the float
/// detector finds on them, cut out as an MRZ line and as a printed value. Seeds differ from the benches' sets.
/// </summary>
internal sealed record CalibrationSet(IReadOnlyList<DenseTensor<float>> Detector, IReadOnlyList<DenseTensor<float>> Recognizer)
{
    private const int Seed = 41;
    private const int MaxRecognizerInputs = 96;

    public static CalibrationSet Generate(ModelStore models, int documentsPerKind)
    {
        var images = new List<byte[]>();
        var generator = new DecisionSetGenerator(FacePhotos.Locate(), new SpecimenRenderer(OcrBFont.Path));
        var labels = generator.Plan(documentsPerKind, Seed);
        foreach (var @class in new[] { DecisionClass.GenuinePassport, DecisionClass.GenuineIdCard })
        foreach (var label in labels.Where(l => l.Class == @class).Take(documentsPerKind))
        foreach (var capture in new[] { CaptureCondition.Scan300Dpi, CaptureCondition.Phone150DpiUnevenLight })
        {
            var (front, back) = generator.RenderDocument(label with { Capture = capture });
            images.Add(front);
            if (back is not null)
                images.Add(back);
        }
        var renderer = new SpecimenRenderer(OcrBFont.Path);
        var random = new Random(Seed);
        foreach (var format in new[] { MrzFormat.Td3, MrzFormat.Td1 })
        foreach (var perChar in new[] { 12f, 24f })
        {
            var width = (int)MathF.Round(perChar / SpecimenRenderer.PixelsPerMrzChar(format, 1));
            images.Add(renderer.Render(DocumentAccuracyBench.RandomFields(random, format),
                new SpecimenOptions { Width = width, Seed = random.Next(), RotationDegrees = 2, BlurSigma = 0.8f, JpegQuality = 80, Noise = 3 }));
        }

        var detector = new TextDetector(models);
        var options = new DocumentOptions();
        var detectorInputs = new List<DenseTensor<float>>();
        var recognizerInputs = new List<DenseTensor<float>>();
        foreach (var bytes in images)
        {
            var (image, _) = ImageDecoder.Decode(bytes, options);
            using (image)
            {
                SKBitmap bitmap = image!.Bitmap;
                detectorInputs.Add(TextDetector.Input(bitmap));
                foreach (var region in detector.Detect(bitmap))
                {
                    recognizerInputs.Add(TextRecognizer.Input(bitmap, region.Box, mrz: true));
                    recognizerInputs.Add(TextRecognizer.Input(bitmap, region.Box, mrz: false));
                }
            }
        }
        // An even spread over the documents, not the first pages' regions only.
        var step = Math.Max(1, recognizerInputs.Count / MaxRecognizerInputs);
        return new CalibrationSet(detectorInputs, [.. recognizerInputs.Where((_, i) => i % step == 0).Take(MaxRecognizerInputs)]);
    }
}
