using Ekyc.Verification.Models;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Ekyc.Verification.Tests.Models;

public class ModelStoreTests
{
    [Fact]
    public void Every_pinned_model_is_present_and_matches_its_digest() => ModelStore.Locate().VerifyAll();

    [Fact]
    public void A_missing_model_names_the_command_that_fetches_it()
    {
        var store = new ModelStore(Path.Combine(Path.GetTempPath(), "no-such-models-" + Guid.NewGuid()));
        var error = Assert.Throws<ModelUnavailableException>(() => store.PathOf(ModelCatalog.FaceDetect));
        Assert.Contains(ModelStore.FetchCommand, error.Message);
    }

    [Fact]
    public void A_store_running_the_int8_detector_names_the_command_that_writes_it()
    {
        var modules = Path.Combine(Directory.CreateTempSubdirectory().FullName, "node_modules");
        var store = new ModelStore(modules, int8: OcrInt8.Detector);
        var error = Assert.Throws<ModelUnavailableException>(() => store.Session(ModelCatalog.OcrDetect));
        Assert.Equal(ModelCatalog.OcrDetectInt8, error.Model);
        Assert.Contains(ModelStore.GenerateCommand, error.Message);
    }

    [Fact]
    public void A_tampered_model_is_refused()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        var model = ModelCatalog.FaceEye;
        var path = Path.Combine(root, model.Package, model.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [1, 2, 3]);
        var error = Assert.Throws<ModelUnavailableException>(() => new ModelStore(root).PathOf(model));
        Assert.Contains("SHA-256", error.Message);
    }

    [Fact]
    public void A_model_loads_into_onnx_runtime()
    {
        using var store = ModelStore.Locate();
        var session = store.Session(ModelCatalog.FaceDetect);
        Assert.Contains("input", session.InputMetadata.Keys);
    }

    [Fact]
    public void A_negative_thread_count_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelStore.Locate(intraOpThreads: -1));

    /// <summary>
    /// <c>Ekyc:InferenceThreads</c> only changes how a run is spread over the cores: every model computes the same
    /// outputs, bit for bit, on one thread as on one per core. Free dimensions take the sizes the engines use.
    /// </summary>
    [Theory]
    [InlineData("ocr_det", 320, 480)]
    [InlineData("ocr_rec", 48, 1232)]
    [InlineData("ocr_rec", 48, 333)]
    [InlineData("fr_detect", 0, 0)]
    [InlineData("fr_landmark", 0, 0)]
    [InlineData("fr_feature", 0, 0)]
    [InlineData("fr_liveness", 0, 0)]
    [InlineData("fr_eye", 0, 0)]
    public void One_intra_op_thread_computes_the_same_outputs_bit_for_bit(string name, int height, int width)
    {
        using var perCore = ModelStore.Locate();
        using var oneThread = ModelStore.Locate(intraOpThreads: 1);
        var model = ModelCatalog.All.Single(m => m.Name == name);
        var input = perCore.Session(model).InputMetadata.First();
        var dims = input.Value.Dimensions.Select(d => d > 0 ? d : 1).ToArray();
        if (height > 0)
            (dims[2], dims[3]) = (height, width);
        var random = new Random(3);
        var tensor = new DenseTensor<float>(Enumerable.Range(0, dims.Aggregate(1, (a, b) => a * b)).Select(_ => random.NextSingle() * 2 - 1).ToArray(), dims);

        float[] Outputs(ModelStore store)
        {
            using var outputs = store.Session(model).Run([NamedOnnxValue.CreateFromTensor(input.Key, tensor)]);
            return outputs.SelectMany(o => o.AsEnumerable<float>()).ToArray();
        }

        Assert.True(Outputs(perCore).AsSpan().SequenceEqual(Outputs(oneThread)));
    }
}
