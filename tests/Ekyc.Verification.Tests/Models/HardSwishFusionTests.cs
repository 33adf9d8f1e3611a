using Ekyc.Verification.Models;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace Ekyc.Verification.Tests.Models;

/// <summary>The OCR models' spelled-out hard-swish fused: every one found, the same function computed.</summary>
public class HardSwishFusionTests
{
    [Theory]
    [InlineData("ocr_rec", 28, 48, 320)]
    [InlineData("ocr_det", 24, 320, 320)]
    public void The_fused_model_computes_what_the_exported_one_does(string name, int patterns, int height, int width)
    {
        var model = ModelCatalog.All.Single(m => m.Name == name);
        var path = ModelStore.Locate().PathOf(model);
        var proto = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        Assert.Equal(patterns, HardSwishFusion.Fuse(proto));
        var fusedBytes = proto.ToByteArray();

        using var exported = new InferenceSession(path);
        using var rewritten = new InferenceSession(fusedBytes);
        var random = new Random(7);
        var input = new DenseTensor<float>(Enumerable.Range(0, 3 * height * width).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray(), [1, 3, height, width]);
        float[] Run(InferenceSession session)
        {
            using var outputs = session.Run([NamedOnnxValue.CreateFromTensor(session.InputMetadata.Keys.Single(), input)]);
            return outputs[0].AsEnumerable<float>().ToArray();
        }
        var (expected, actual) = (Run(exported), Run(rewritten));
        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), p => Assert.True(Math.Abs(p.First - p.Second) < 1e-4f, $"{p.First} vs {p.Second}"));
    }

    [Fact]
    public void The_recogniser_loads_fused() => Assert.True(ModelCatalog.OcrRecognize.FuseHardSwish);

    [Fact]
    public void A_model_without_the_pattern_is_left_as_it_is()
    {
        var bytes = File.ReadAllBytes(ModelStore.Locate().PathOf(ModelCatalog.FaceEye));
        var proto = ModelProto.Parser.ParseFrom(bytes);
        Assert.Equal(0, HardSwishFusion.Fuse(proto));
        Assert.Equal(ModelProto.Parser.ParseFrom(bytes), proto);
    }
}
