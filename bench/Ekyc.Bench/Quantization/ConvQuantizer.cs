using Ekyc.Verification.Models;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;
using static Ekyc.Bench.Quantization.OnnxTensors;

namespace Ekyc.Bench.Quantization;

/// <summary>
/// Static int8 quantisation of every <c>Conv</c> of a float model as a QDQ graph, which ONNX Runtime fuses into
/// <c>QLinearConv</c> (u8 activations × s8 weights, the VNNI path): each Conv's input and output tensor gets one
/// QuantizeLinear/DequantizeLinear pair (uint8, asymmetric, range from calibration), its weights are stored as int8
/// per output channel (symmetric) and its bias as int32 at the input × weight scale. Everything else stays float.
/// Q/DQ are the contrib-domain operators so that per-channel weights need no opset 13 (the recogniser is opset 9).
/// </summary>
internal static class ConvQuantizer
{
    /// <summary>
    /// The range of every Conv input and output over the calibration inputs (min ≤ 0 ≤ max): the whole range, or with
    /// <paramref name="clip"/> &gt; 0 the share of values beyond each end left to saturate (from a histogram of the
    /// whole range, a second pass), so that a few outliers do not coarsen every other value's step.
    /// </summary>
    public static IReadOnlyDictionary<string, (float Min, float Max)> Calibrate(ModelProto model, IReadOnlyList<DenseTensor<float>> inputs, double clip = 0)
    {
        var probe = model.Clone();
        var graph = probe.Graph;
        var tensors = graph.Node.Where(n => n.OpType == "Conv").SelectMany(n => new[] { n.Input[0], n.Output[0] }).Distinct().ToList();
        graph.Output.AddRange(tensors.Where(t => graph.Output.All(o => o.Name != t)).Select(FloatOutput));
        using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR };
        using var session = new InferenceSession(probe.ToByteArray(), options);
        var inputName = session.InputMetadata.Keys.Single();
        void Observe(Action<string, float[]> observe)
        {
            foreach (var input in inputs)
            {
                using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(inputName, input)], tensors);
                foreach (var output in outputs)
                    observe(output.Name, output.AsTensor<float>().ToArray());
            }
        }
        var ranges = tensors.ToDictionary(t => t, _ => (Min: 0f, Max: 0f));
        Observe((name, values) => ranges[name] = (Math.Min(ranges[name].Min, values.Min()), Math.Max(ranges[name].Max, values.Max())));
        if (clip > 0)
        {
            const int bins = 4096;
            var histograms = tensors.ToDictionary(t => t, _ => new long[bins]);
            Observe((name, values) =>
            {
                var (min, max) = ranges[name];
                var histogram = histograms[name];
                var perBin = bins / Math.Max(max - min, 1e-12f);
                foreach (var v in values)
                    histogram[Math.Clamp((int)((v - min) * perBin), 0, bins - 1)]++;
            });
            foreach (var name in tensors)
            {
                var (min, max) = ranges[name];
                var histogram = histograms[name];
                var limit = (long)(histogram.Sum() * clip);
                int low = 0, high = bins - 1;
                for (long seen = histogram[low]; seen <= limit && low < bins - 1; seen += histogram[++low]) { }
                for (long seen = histogram[high]; seen <= limit && high > 0; seen += histogram[--high]) { }
                var step = (max - min) / bins;
                ranges[name] = (Math.Min(0, min + low * step), Math.Max(0, min + (high + 1) * step));
            }
        }
        // Coarse bounds keep the written bytes the same when another CPU's float arithmetic moves a range by an ulp.
        return ranges.ToDictionary(r => r.Key, r => (-Coarse(-r.Value.Min), Coarse(r.Value.Max)));
    }

    /// <param name="keepFloat">Convs left in float (by node name), with the tensors only they read or write.</param>
    public static ModelProto Quantize(ModelProto floatModel, IReadOnlyDictionary<string, (float Min, float Max)> calibrated, IReadOnlySet<string>? keepFloat = null)
    {
        var model = floatModel.Clone();
        var graph = model.Graph;
        var convs = graph.Node.Where(n => n.OpType == "Conv" && keepFloat?.Contains(n.Name) != true).ToList();
        var quantizedTensors = convs.SelectMany(n => new[] { n.Input[0], n.Output[0] }).ToHashSet();
        var ranges = calibrated.Where(r => quantizedTensors.Contains(r.Key)).ToDictionary();
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        var added = new List<NodeProto>();
        var dequantized = new Dictionary<string, string>();
        foreach (var (name, range) in ranges.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var (scale, zeroPoint) = Activation(range);
            graph.Initializer.Add(Floats($"{name}_scale", [scale]));
            graph.Initializer.Add(Raw($"{name}_zero", TensorProto.Types.DataType.Uint8, [zeroPoint]));
            added.Add(Node("QuantizeLinear", $"{name}_quantize", [name, $"{name}_scale", $"{name}_zero"], [$"{name}_q"], ContribDomain));
            added.Add(Node("DequantizeLinear", $"{name}_dequantize", [$"{name}_q", $"{name}_scale", $"{name}_zero"], [$"{name}_dq"], ContribDomain));
            dequantized[name] = $"{name}_dq";
        }
        foreach (var node in graph.Node)
            for (var i = 0; i < node.Input.Count; i++)
                if (dequantized.TryGetValue(node.Input[i], out var dq))
                    node.Input[i] = dq;

        foreach (var conv in convs)
        {
            var inputScale = Activation(ranges[conv.Input[0][..^"_dq".Length]]).Scale;
            var weightName = conv.Input[1];
            var weight = initializers.GetValueOrDefault(weightName) ?? throw new NotSupportedException($"Conv {conv.Name}: weights are not constant.");
            var bias = conv.Input.Count > 2 ? OnnxFloats.Of(initializers[conv.Input[2]]) : null;
            // A channel whose weights are all near zero would need a bias beyond int32 at input × weight scale: widen its weight scale.
            var minScales = bias?.Select(b => Math.Abs(b) / inputScale / int.MaxValue * 2).ToArray();
            var (quantized, scales) = PerChannel(OnnxFloats.Of(weight), (int)weight.Dims[0], minScales);
            var channels = scales.Length;
            graph.Initializer.Add(Raw($"{weightName}_q", TensorProto.Types.DataType.Int8, quantized, [.. weight.Dims]));
            graph.Initializer.Add(Floats($"{weightName}_scale", scales, channels));
            graph.Initializer.Add(Raw($"{weightName}_zero", TensorProto.Types.DataType.Int8, new byte[channels], channels));
            added.Add(Node("DequantizeLinear", $"{weightName}_dequantize", [$"{weightName}_q", $"{weightName}_scale", $"{weightName}_zero"], [$"{weightName}_dq"], ContribDomain, axis: 0));
            conv.Input[1] = $"{weightName}_dq";
            if (conv.Input.Count < 3)
                continue;
            // ONNX Runtime fuses a Conv only when its bias too comes from a DequantizeLinear, int32 at input × weight scale.
            var biasName = conv.Input[2];
            var biasScales = scales.Select(s => s * inputScale).ToArray();
            var biasQuantized = bias!.Select((b, c) => (int)Math.Round(b / biasScales[c])).ToArray();
            graph.Initializer.Add(Int32s($"{biasName}_q", biasQuantized, channels));
            graph.Initializer.Add(Floats($"{biasName}_scale", biasScales, channels));
            graph.Initializer.Add(Int32s($"{biasName}_zero", new int[channels], channels));
            added.Add(Node("DequantizeLinear", $"{biasName}_dequantize", [$"{biasName}_q", $"{biasName}_scale", $"{biasName}_zero"], [$"{biasName}_dq"], ContribDomain, axis: 0));
            conv.Input[2] = $"{biasName}_dq";
        }

        var used = graph.Node.Concat(added).SelectMany(n => n.Input).ToHashSet();
        foreach (var unused in graph.Initializer.Where(t => !used.Contains(t.Name)).ToList())
            graph.Initializer.Remove(unused);
        var ordered = TopologicalOrder([.. added, .. graph.Node], graph);
        graph.Node.Clear();
        graph.Node.AddRange(ordered);
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = ContribDomain, Version = 1 });
        return model;
    }

    private static (float Scale, byte ZeroPoint) Activation((float Min, float Max) range)
    {
        var scale = Math.Max(range.Max - range.Min, 1e-6f) / 255f;
        return (scale, (byte)Math.Clamp(Math.Round(-range.Min / scale), 0, 255));
    }

    /// <summary>Symmetric int8 weights per output channel (±127, so u8 × s8 products cannot saturate VNNI's pairs).</summary>
    private static (byte[] Quantized, float[] Scales) PerChannel(float[] weights, int channels, float[]? minScales)
    {
        var perChannel = weights.Length / channels;
        var quantized = new byte[weights.Length];
        var scales = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var slice = weights.AsSpan(c * perChannel, perChannel);
            var max = 0f;
            foreach (var w in slice)
                max = Math.Max(max, Math.Abs(w));
            scales[c] = Math.Max(Math.Max(max, 1e-8f) / 127f, minScales?[c] ?? 0);
            for (var k = 0; k < perChannel; k++)
                quantized[c * perChannel + k] = unchecked((byte)(sbyte)Math.Clamp(Math.Round(slice[k] / scales[c]), -127, 127));
        }
        return (quantized, scales);
    }

    /// <summary>A non-negative bound rounded up to 4 significant bits (at most 1/16 wider).</summary>
    private static float Coarse(float value)
    {
        if (value <= 0)
            return 0;
        var exponent = Math.Floor(Math.Log2(value)) - 3;
        return (float)(Math.Ceiling(value / Math.Pow(2, exponent)) * Math.Pow(2, exponent));
    }

    /// <summary>Nodes in an order where every input is produced before it is read (ONNX requires it).</summary>
    private static List<NodeProto> TopologicalOrder(List<NodeProto> nodes, GraphProto graph)
    {
        var available = graph.Initializer.Select(t => t.Name).Concat(graph.Input.Select(i => i.Name)).Append("").ToHashSet();
        var waiting = nodes.ToDictionary(n => n, n => n.Input.Count(i => !available.Contains(i)));
        var readers = nodes.SelectMany(n => n.Input.Where(i => !available.Contains(i)).Select(i => (Input: i, Node: n)))
            .ToLookup(x => x.Input, x => x.Node);
        var ready = new Queue<NodeProto>(nodes.Where(n => waiting[n] == 0));
        var ordered = new List<NodeProto>(nodes.Count);
        while (ready.TryDequeue(out var node))
        {
            ordered.Add(node);
            foreach (var output in node.Output)
                foreach (var reader in readers[output])
                    if (--waiting[reader] == 0)
                        ready.Enqueue(reader);
        }
        return ordered.Count == nodes.Count ? ordered : throw new InvalidOperationException("The graph has a cycle or an unproduced input.");
    }
}
