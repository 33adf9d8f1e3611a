using Ekyc.Verification.Models;

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
}
