using Ekyc.Verification.Models;
using Google.Protobuf;
using Onnx;

namespace Ekyc.Verification.Tests.Models;

/// <summary>Subnormal weights set to zero: every one found, the outputs the same bit for bit.</summary>
public class SubnormalWeightsTests
{
    [Theory]
    [InlineData("fr_feature", 8938, 3, 112, 112)]
    [InlineData("fr_landmark", 26567, 1, 64, 64)]
    [InlineData("ocr_rec", 31350, 3, 48, 320)]
    [InlineData("ocr_det", 1579, 3, 320, 320)]
    public void The_flushed_model_computes_what_the_exported_one_does(string name, int subnormals, int channels, int height, int width)
    {
        var path = ModelStore.Locate().PathOf(ModelCatalog.ByName(name));
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        Assert.Equal(subnormals, SubnormalWeights.Flush(model));
        var flushedBytes = model.ToByteArray();
        Assert.Equal(0, Subnormals(flushedBytes));

        var (expected, actual) = RewrittenModelRun.Outputs(path, flushedBytes, [1, channels, height, width], random => (float)random.NextDouble());
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_model_without_subnormal_weights_is_left_as_it_is()
    {
        var bytes = File.ReadAllBytes(ModelStore.Locate().PathOf(ModelCatalog.FaceEye));
        var model = ModelProto.Parser.ParseFrom(bytes);
        Assert.Equal(0, SubnormalWeights.Flush(model));
        Assert.Equal(ModelProto.Parser.ParseFrom(bytes), model);
    }

    private static int Subnormals(byte[] modelBytes)
    {
        var graph = ModelProto.Parser.ParseFrom(modelBytes).Graph;
        var constants = graph.Node.Where(n => n.OpType == "Constant").SelectMany(n => n.Attribute).Where(a => a.T is not null).Select(a => a.T);
        return graph.Initializer.Concat(constants)
            .Where(t => t.DataType == (int)TensorProto.Types.DataType.Float)
            .Sum(t => OnnxFloats.Of(t).Count(float.IsSubnormal));
    }
}
