using Ekyc.Verification.Faces;
using Ekyc.Verification.Imaging;
using Ekyc.Verification.Models;

namespace Ekyc.Verification.Tests.Faces;

/// <summary>Loads the face models once for all face tests.</summary>
public sealed class FaceEngineFixture : IDisposable
{
    public FaceEngineFixture()
    {
        Models = ModelStore.Locate();
        Analyzer = new FaceAnalyzer(Models, Options);
        Verifier = new FaceVerifier(Models, Options);
    }

    public FaceOptions Options { get; } = new();
    public ModelStore Models { get; }
    public FaceAnalyzer Analyzer { get; }
    public FaceVerifier Verifier { get; }

    public static UprightImage Decode(byte[] bytes) =>
        UprightImage.TryDecode(bytes, 2048, 100_000_000, out var reason) ?? throw new InvalidDataException(reason);

    public IReadOnlyList<FaceBox> Detect(byte[] bytes)
    {
        using var image = Decode(bytes);
        return Analyzer.Detect(image, new StageTimer());
    }

    /// <summary>The largest face's analysis, with eye state and anti-spoof score.</summary>
    public FaceAnalysis Largest(byte[] bytes)
    {
        using var image = Decode(bytes);
        var faces = Analyzer.Detect(image, new StageTimer());
        Assert.NotEmpty(faces);
        return Analyzer.Analyze(image, faces[0], new StageTimer(), eyes: true, liveness: true);
    }

    public void Dispose()
    {
        Verifier.Dispose();
        Analyzer.Dispose();
        Models.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class FaceEngineCollection : ICollectionFixture<FaceEngineFixture>
{
    public const string Name = "face engine";
}
