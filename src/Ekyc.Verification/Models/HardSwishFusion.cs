using Onnx;

namespace Ekyc.Verification.Models;

/// <summary>
/// Rewrites the hard-swish the PaddleOCR export spells out in four element-wise operators, <c>Div(Mul(x, Clip(Add(x, 3),
/// 0, 6)), 6)</c>, as two, <c>Mul(x, HardSigmoid(x; α = 1/6, β = 0.5))</c>: the same function (HardSigmoid is opset 6, so no
/// opset change), with two passes over the tensor instead of four. Element-wise work is about 29 % of the recogniser's
/// kernel time; the rewrite made a recognition 1.06–1.10× cheaper in CPU, outputs equal to ~10⁻⁶. The detector gains
/// 1.03× on one thread and was no cheaper, within the noise, on two, so only the recogniser loads fused.
/// </summary>
internal static class HardSwishFusion
{
    /// <summary>Fuses the model in place; returns how many hard-swishes were rewritten.</summary>
    public static int Fuse(ModelProto model)
    {
        var graph = model.Graph;
        var consumers = graph.Node.SelectMany(n => n.Input.Select(i => (Input: i, Node: n))).ToLookup(p => p.Input, p => p.Node);
        var fused = 0;
        foreach (var clip in graph.Node.Where(n => n.OpType == "Clip").ToList())
        {
            if (Match(graph, consumers, clip) is not var (add, mul, div, x))
                continue;
            var sigmoid = new NodeProto { OpType = "HardSigmoid", Name = $"{clip.Name}_hard_sigmoid", Input = { x }, Output = { $"{clip.Output[0]}_hard_sigmoid" } };
            sigmoid.Attribute.Add(new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = 1f / 6 });
            sigmoid.Attribute.Add(new AttributeProto { Name = "beta", Type = AttributeProto.Types.AttributeType.Float, F = 0.5f });
            var product = new NodeProto { OpType = "Mul", Name = $"{mul.Name}_hard_swish", Input = { x, sigmoid.Output[0] }, Output = { div.Output[0] } };
            var at = graph.Node.IndexOf(add);
            foreach (var node in new[] { add, clip, mul, div })
                graph.Node.Remove(node);
            graph.Node.Insert(at, product);
            graph.Node.Insert(at, sigmoid);
            fused++;
        }
        return fused;
    }

    /// <summary>The Add, Mul and Div around a Clip that make a hard-swish of x, each used only there; else null.</summary>
    private static (NodeProto Add, NodeProto Mul, NodeProto Div, string X)? Match(GraphProto graph, ILookup<string, NodeProto> consumers, NodeProto clip)
    {
        if (!ClipsTo(graph, clip, 0, 6))
            return null;
        var add = graph.Node.FirstOrDefault(n => n.OpType == "Add" && n.Output[0] == clip.Input[0]);
        if (add is null || Scalar(graph, add.Input[1]) != 3f || consumers[add.Output[0]].Count() != 1)
            return null;
        var x = add.Input[0];
        if (consumers[clip.Output[0]].SingleOrDefault() is not { OpType: "Mul" } mul || !mul.Input.Contains(x))
            return null;
        if (consumers[mul.Output[0]].SingleOrDefault() is not { OpType: "Div" } div || div.Input[0] != mul.Output[0] || Scalar(graph, div.Input[1]) != 6f)
            return null;
        return (add, mul, div, x);
    }

    /// <summary>Clip to [min, max], as attributes (opset &lt; 11) or as constant inputs.</summary>
    private static bool ClipsTo(GraphProto graph, NodeProto clip, float min, float max)
    {
        if (clip.Input.Count == 3)
            return Scalar(graph, clip.Input[1]) == min && Scalar(graph, clip.Input[2]) == max;
        return clip.Attribute.Any(a => a.Name == "min" && a.F == min) && clip.Attribute.Any(a => a.Name == "max" && a.F == max);
    }

    /// <summary>The value of a one-element float initializer or Constant, or null.</summary>
    private static float? Scalar(GraphProto graph, string name)
    {
        var tensor = graph.Initializer.FirstOrDefault(t => t.Name == name)
            ?? graph.Node.FirstOrDefault(n => n.OpType == "Constant" && n.Output[0] == name)?.Attribute.FirstOrDefault(a => a.Name == "value")?.T;
        return tensor is { DataType: (int)TensorProto.Types.DataType.Float } && OnnxFloats.Of(tensor) is [var value] ? value : null;
    }
}
