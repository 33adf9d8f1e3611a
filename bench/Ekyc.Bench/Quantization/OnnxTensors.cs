using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace Ekyc.Bench.Quantization;

/// <summary>Building and reading the ONNX protobuf pieces the quantiser writes: initializers and nodes.</summary>
internal static class OnnxTensors
{
    public const string ContribDomain = "com.microsoft";

    public static TensorProto Floats(string name, float[] values, params long[] dims) =>
        Raw(name, TensorProto.Types.DataType.Float, MemoryMarshal.AsBytes(values.AsSpan()), dims);

    public static TensorProto Int32s(string name, int[] values, params long[] dims) =>
        Raw(name, TensorProto.Types.DataType.Int32, MemoryMarshal.AsBytes(values.AsSpan()), dims);

    public static TensorProto Int64s(string name, long[] values) =>
        Raw(name, TensorProto.Types.DataType.Int64, MemoryMarshal.AsBytes(values.AsSpan()), values.Length);

    public static TensorProto Raw(string name, TensorProto.Types.DataType type, ReadOnlySpan<byte> raw, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(raw) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    public static NodeProto Node(string op, string name, string[] inputs, string[] outputs, string domain = "", int? axis = null)
    {
        var node = new NodeProto { OpType = op, Name = name, Domain = domain };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        if (axis is { } a)
            node.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = a });
        return node;
    }

    public static ValueInfoProto FloatOutput(string name) =>
        new() { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } } };
}
