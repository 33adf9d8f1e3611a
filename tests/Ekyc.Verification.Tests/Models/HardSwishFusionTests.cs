using Ekyc.Verification.Models;
using Google.Protobuf;
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

        var (expected, actual) = RewrittenModelRun.Outputs(path, proto.ToByteArray(), [1, 3, height, width], random => (float)(random.NextDouble() * 2 - 1));
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
