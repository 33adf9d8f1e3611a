using Onnx;

namespace Ekyc.Bench.Quantization;

/// <summary>
/// The float model made ready for quantisation without changing what it computes: <c>Constant</c> nodes become
/// initializers (the Paddle export keeps every weight in a node), and an opset-9 graph (the PP-OCRv4 recogniser) is
/// raised to opset 10, where ONNX Runtime has <c>QLinearConv</c>; of its operators only <c>Slice</c> changed there
/// (its attributes became inputs).
/// </summary>
internal static class FloatGraph
{
    public static ModelProto Prepare(ModelProto source)
    {
        var model = source.Clone();
        var graph = model.Graph;
        foreach (var node in graph.Node.Where(n => n.OpType == "Constant").ToList())
        {
            var tensor = node.Attribute.Single(a => a.Name == "value").T.Clone();
            tensor.Name = node.Output[0];
            graph.Initializer.Add(tensor);
            graph.Node.Remove(node);
        }
        var opset = model.OpsetImport.Single(o => o.Domain == "");
        if (opset.Version < 10)
        {
            string[] changedAt10 = ["Upsample", "Dropout", "TopK"];
            foreach (var node in graph.Node.Where(n => changedAt10.Contains(n.OpType)))
                throw new NotSupportedException($"Raising opset {opset.Version} to 10 is not implemented for {node.OpType}.");
            foreach (var node in graph.Node.Where(n => n.OpType == "Slice"))
            {
                foreach (var key in new[] { "starts", "ends", "axes" })
                {
                    if (node.Attribute.SingleOrDefault(a => a.Name == key) is not { } attribute)
                        continue;
                    var name = $"{node.Output[0]}_{key}";
                    graph.Initializer.Add(OnnxTensors.Int64s(name, [.. attribute.Ints]));
                    node.Input.Add(name);
                }
                node.Attribute.Clear();
            }
            opset.Version = 10;
        }
        return model;
    }
}
