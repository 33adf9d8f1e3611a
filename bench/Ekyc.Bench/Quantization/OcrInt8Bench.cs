using System.Diagnostics;
using System.Security.Cryptography;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Models;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace Ekyc.Bench.Quantization;

/// <summary>
/// <c>ocr-int8 [--out DIR] [--documents N] [--runs N]</c>: writes int8 variants of the OCR detector and recogniser
/// (<see cref="ConvQuantizer"/>, calibrated on <see cref="CalibrationSet"/>) with their SHA-256, then measures each model
/// float against int8 side by side (process CPU per run, one intra-op thread and the default) and how often the int8
/// recogniser's greedy reading equals the float one on the calibration crops.
/// </summary>
public static class OcrInt8Bench
{
    /// <summary>
    /// Convs left in float: the first layers at full resolution, whose int8 error dominates the output's
    /// (<c>--sensitivity</c>: each Conv quantised alone). The names are unique within each of the two graphs.
    /// </summary>
    private static readonly string KeptFloat = "p2o.Conv.0,p2o.Conv.1,p2o.Conv.2,p2o.Conv.3,p2o.Conv.4";

    public static void Run(string[] args)
    {
        string Option(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 ? args[i + 1] : fallback;
        var outDir = Directory.CreateDirectory(Option("--out", Path.Combine("models", ModelCatalog.GeneratedFolder))).FullName;
        var documents = int.Parse(Option("--documents", "2"));
        var runs = int.Parse(Option("--runs", "9"));

        using var models = ModelStore.Locate();
        var clock = Stopwatch.StartNew();
        var calibration = CalibrationSet.Generate(models, documents);
        Console.WriteLine($"calibration: {calibration.Detector.Count} detector inputs, {calibration.Recognizer.Count} recogniser inputs ({clock.Elapsed.TotalSeconds:F0} s)");

        if (args.Contains("--sensitivity"))
        {
            Sensitivity(models, calibration);
            return;
        }
        var pairs = new[]
        {
            (Float: ModelCatalog.OcrDetect, Int8: ModelCatalog.OcrDetectInt8, Inputs: calibration.Detector),
            (Float: ModelCatalog.OcrRecognize, Int8: ModelCatalog.OcrRecognizeInt8, Inputs: calibration.Recognizer),
        };
        var clip = double.Parse(Option("--clip", "0"), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (floatModel, int8Model, inputs) in pairs)
        {
            clock.Restart();
            var keepFloat = Option(floatModel == ModelCatalog.OcrDetect ? "--keep-float-det" : "--keep-float-rec", KeptFloat).Split(',').ToHashSet();
            var prepared = FloatGraph.Prepare(ModelProto.Parser.ParseFrom(File.ReadAllBytes(models.PathOf(floatModel))));
            var quantized = ConvQuantizer.Quantize(prepared, ConvQuantizer.Calibrate(prepared, inputs, clip), keepFloat).ToByteArray();
            var path = Path.Combine(outDir, int8Model.RelativePath);
            File.WriteAllBytes(path, quantized);
            var digest = Convert.ToHexStringLower(SHA256.HashData(quantized));
            Console.WriteLine($"{int8Model.Name}: {path}, {quantized.Length:N0} bytes, sha256 {digest}{(digest == int8Model.Sha256 ? " (the pinned digest)" : " (NOT the pinned digest)")}, {clock.Elapsed.TotalSeconds:F0} s");
        }

        if (args.Contains("--agreement"))
        {
            Agreement(models, outDir);
            return;
        }
        Console.WriteLine();
        Console.WriteLine($"CPU ms per run, median of {runs} (float and int8 alternating; process CPU time, {Environment.ProcessorCount} cores)");
        Console.WriteLine("| model | input | threads | float | int8 | float ÷ int8 |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (floatModel, int8Model, inputs) in pairs)
        {
            var samples = floatModel == ModelCatalog.OcrDetect
                ? [inputs.MaxBy(t => t.Length)!]
                : new[] { inputs.MaxBy(t => t.Dimensions[3])!, inputs.MinBy(t => Math.Abs(t.Dimensions[3] - 400))! };
            foreach (var threads in new[] { 1, 0 })
            {
                using var f = Session(models.PathOf(floatModel), threads);
                using var q = Session(Path.Combine(outDir, int8Model.RelativePath), threads);
                foreach (var input in samples)
                {
                    var (floatMs, int8Ms) = Alternate(f, q, input, runs);
                    var shape = string.Join("×", input.Dimensions[2..].ToArray());
                    Console.WriteLine($"| {floatModel.Name} | {shape} | {(threads == 0 ? "default" : threads)} | {floatMs:F1} | {int8Ms:F1} | {floatMs / int8Ms:F2} |");
                }
            }
        }

        using var floatRecognizer = Session(models.PathOf(ModelCatalog.OcrRecognize), 0);
        using var int8Recognizer = Session(Path.Combine(outDir, ModelCatalog.OcrRecognizeInt8.RelativePath), 0);
        var same = calibration.Recognizer.Count(input => Greedy(floatRecognizer, input).SequenceEqual(Greedy(int8Recognizer, input)));
        Console.WriteLine();
        Console.WriteLine($"recogniser: the int8 model's greedy class sequence equals the float one on {same} of {calibration.Recognizer.Count} calibration crops");
        using var floatDetector = Session(models.PathOf(ModelCatalog.OcrDetect), 0);
        using var int8Detector = Session(Path.Combine(outDir, ModelCatalog.OcrDetectInt8.RelativePath), 0);
        var flipped = calibration.Detector.Select(input => Output(floatDetector, input).Zip(Output(int8Detector, input)).Average(p => p.First > 0.3f != p.Second > 0.3f ? 1.0 : 0)).ToList();
        Console.WriteLine($"detector: pixels on the other side of the 0.3 threshold, mean {flipped.Average():P3}, max {flipped.Max():P3} of the map");
    }

    /// <summary>Each Conv quantised alone: how far it moves the model's outputs on the calibration inputs.</summary>
    private static void Sensitivity(ModelStore models, CalibrationSet calibration)
    {
        foreach (var (floatModel, inputs) in new[] { (ModelCatalog.OcrRecognize, calibration.Recognizer.Where((_, i) => i % 3 == 0).ToList()), (ModelCatalog.OcrDetect, calibration.Detector.Take(4).ToList()) })
        {
            var prepared = FloatGraph.Prepare(ModelProto.Parser.ParseFrom(File.ReadAllBytes(models.PathOf(floatModel))));
            var ranges = ConvQuantizer.Calibrate(prepared, inputs);
            var names = prepared.Graph.Node.Where(n => n.OpType == "Conv").Select(n => n.Name).ToList();
            using var reference = new InferenceSession(prepared.ToByteArray());
            var expected = inputs.Select(input => Output(reference, input)).ToList();
            var rows = new List<(string Name, double Error)>();
            foreach (var name in names.Append("(all)"))
            {
                var keep = names.Where(n => n != name && name != "(all)").ToHashSet();
                using var session = new InferenceSession(ConvQuantizer.Quantize(prepared, ranges, keep).ToByteArray());
                var error = inputs.Select((input, k) => MeanAbsoluteDifference(expected[k], Output(session, input))).Average();
                rows.Add((name, error));
            }
            Console.WriteLine($"{floatModel.Name}: mean |int8 − float| of the output with one Conv quantised, largest first");
            foreach (var (name, error) in rows.OrderByDescending(r => r.Error).Take(15))
                Console.WriteLine($"  {name,-24} {error:E2}");
        }
    }

    /// <summary>
    /// MRZ lines of rendered pages (11–18 px per character, blurred and JPEG'd as in <c>documents-accuracy</c>, another
    /// seed): characters of the int8 recogniser's MRZ-alphabet reading that differ from the float one's, as the engine
    /// crops them from the float detector's regions.
    /// </summary>
    private static void Agreement(ModelStore models, string outDir)
    {
        var keys = File.ReadAllLines(models.PathOf(ModelCatalog.OcrKeys));
        var allowed = new bool[keys.Length + 2];
        allowed[0] = true;
        for (var c = 0; c < keys.Length; c++)
            allowed[c + 1] = keys[c] is [var k] && (char.IsAsciiLetterUpper(k) || char.IsAsciiDigit(k) || k == '<');
        using var floatRecognizer = Session(models.PathOf(ModelCatalog.OcrRecognize), 0);
        using var int8Recognizer = Session(Path.Combine(outDir, ModelCatalog.OcrRecognizeInt8.RelativePath), 0);
        var renderer = new Verification.Documents.Specimens.SpecimenRenderer(Verification.Documents.Specimens.OcrBFont.Path);
        var detector = new Verification.Ocr.TextDetector(models);
        var random = new Random(43);
        var (lines, differing, characters, wrong) = (0, 0, 0, 0);
        foreach (var format in new[] { Verification.Documents.Mrz.MrzFormat.Td3, Verification.Documents.Mrz.MrzFormat.Td1 })
        foreach (var perChar in new[] { 11f, 13f, 15f, 18f })
        foreach (var blur in new[] { 0.8f, 1.5f })
        {
            var width = (int)MathF.Round(perChar / Verification.Documents.Specimens.SpecimenRenderer.PixelsPerMrzChar(format, 1));
            var bytes = renderer.Render(DocumentAccuracyBench.RandomFields(random, format),
                new Verification.Documents.Specimens.SpecimenOptions { Width = width, Seed = random.Next(), RotationDegrees = 2, BlurSigma = blur, JpegQuality = 75, Noise = 4 });
            using var bitmap = SkiaSharp.SKBitmap.Decode(bytes);
            foreach (var region in detector.Detect(bitmap))
            {
                var input = Verification.Ocr.TextRecognizer.Input(bitmap, region.Box, mrz: true);
                var expected = MrzReading(floatRecognizer, input, keys, allowed);
                if (expected.Length < 25 || expected.Count(c => c == '<') < 2)
                    continue;
                var actual = MrzReading(int8Recognizer, input, keys, allowed);
                lines++;
                characters += expected.Length;
                var distance = EditDistance.Between(expected, actual);
                wrong += distance;
                differing += distance > 0 ? 1 : 0;
            }
        }
        Console.WriteLine($"MRZ lines: int8 reads {differing} of {lines} differently from float; {wrong} of {characters} characters ({(double)wrong / characters:P2}, edit distance)");
    }

    private static string MrzReading(InferenceSession session, DenseTensor<float> input, string[] keys, bool[] allowed)
    {
        var values = Output(session, input);
        var classes = allowed.Length;
        var text = new System.Text.StringBuilder();
        var previous = 0;
        for (var t = 0; t < values.Length / classes; t++)
        {
            var best = 0;
            for (var c = 1; c < classes; c++)
                if (allowed[c] && values[t * classes + c] > values[t * classes + best])
                    best = c;
            if (best != 0 && best != previous && best <= keys.Length)
                text.Append(keys[best - 1]);
            previous = best;
        }
        return text.ToString();
    }

    private static float[] Output(InferenceSession session, DenseTensor<float> input)
    {
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), input)]);
        return outputs[0].AsTensor<float>().ToArray();
    }

    private static double MeanAbsoluteDifference(float[] a, float[] b) =>
        a.Zip(b).Average(p => Math.Abs(p.First - p.Second));

    private static InferenceSession Session(string path, int threads)
    {
        using var options = new SessionOptions
        {
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = threads,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return new InferenceSession(path, options);
    }

    private static (double Float, double Int8) Alternate(InferenceSession f, InferenceSession q, DenseTensor<float> input, int runs)
    {
        var (floatMs, int8Ms) = (new List<double>(), new List<double>());
        Cpu(f, input);
        Cpu(q, input);
        for (var r = 0; r < runs; r++)
        {
            floatMs.Add(Cpu(f, input));
            int8Ms.Add(Cpu(q, input));
        }
        return (Median(floatMs), Median(int8Ms));
    }

    private static double Cpu(InferenceSession session, DenseTensor<float> input)
    {
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        using (session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), input)])) { }
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds;
    }

    private static int[] Greedy(InferenceSession session, DenseTensor<float> input)
    {
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), input)]);
        var tensor = outputs[0].AsTensor<float>();
        int steps = tensor.Dimensions[1], classes = tensor.Dimensions[2];
        var values = tensor.ToArray();
        var best = new int[steps];
        for (var t = 0; t < steps; t++)
        {
            var row = values.AsSpan(t * classes, classes);
            best[t] = row.IndexOf(System.Numerics.Tensors.TensorPrimitives.Max(row));
        }
        // Collapsed as CTC decodes: repeats merged, blanks (class 0) dropped.
        return [.. best.Where((c, t) => c != 0 && (t == 0 || c != best[t - 1]))];
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
