using System.Runtime.InteropServices;
using Onnx;

namespace Ekyc.Verification.Models;

/// <summary>The values of a float tensor in an ONNX graph, stored either as a float list or as raw little-endian bytes.</summary>
internal static class OnnxFloats
{
    public static float[] Of(TensorProto tensor) =>
        tensor.FloatData.Count > 0 ? [.. tensor.FloatData] : MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
}
