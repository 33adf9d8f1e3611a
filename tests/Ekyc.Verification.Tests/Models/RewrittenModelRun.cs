using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Ekyc.Verification.Tests.Models;

/// <summary>A model as exported and as rewritten at load time, run on the same random input: what the rewrite tests compare.</summary>
internal static class RewrittenModelRun
{
    public static (float[] Exported, float[] Rewritten) Outputs(string exportedPath, byte[] rewrittenBytes, int[] shape, Func<Random, float> sample)
    {
        var random = new Random(7);
        var input = new DenseTensor<float>(Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(_ => sample(random)).ToArray(), shape);
        using var exported = new InferenceSession(exportedPath);
        using var rewritten = new InferenceSession(rewrittenBytes);
        return (Run(exported, input), Run(rewritten, input));
    }

    private static float[] Run(InferenceSession session, DenseTensor<float> input)
    {
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.First(), input)]);
        return outputs[0].AsEnumerable<float>().ToArray();
    }
}
