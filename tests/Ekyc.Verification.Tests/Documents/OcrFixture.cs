using Ekyc.Core.Engines;
using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Glyphs;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Models;
using Ekyc.Verification.Ocr;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Documents;

/// <summary>One model store, OCR pipeline and specimen renderer shared by the OCR tests (models load once).</summary>
public sealed class OcrFixture : IDisposable
{
    public OcrFixture()
    {
        Models = ModelStore.Locate();
        Reader = new MrzReader(new TextDetector(Models), new TextRecognizer(Models), OcrBGlyphs.Installed);
    }

    public ModelStore Models { get; }
    public MrzReader Reader { get; }

    /// <summary>The renderer over the system's or the vendored OCR-B (<see cref="OcrBFont"/>).</summary>
    public static SpecimenRenderer Renderer()
    {
        return new SpecimenRenderer(OcrBFont.Path);
    }

    /// <summary>A decision set generator (one per test class: classes may run in parallel), to replay a case by seed and id.</summary>
    public static DecisionSetGenerator DecisionSet(params SpecimenDesign[] designs) => new(FacePhotos.Locate(AppContext.BaseDirectory), Renderer(), designs: designs);

    /// <summary>The decision set over every page design, its documents captured under <paramref name="captures"/> in turn.</summary>
    public static DecisionSetGenerator DecisionSet(IReadOnlyList<CaptureCondition> captures) =>
        new(FacePhotos.Locate(AppContext.BaseDirectory), Renderer(), designs: Enum.GetValues<SpecimenDesign>(), captures: captures);

    /// <summary>A decision-set document rendered as its label captures it (both sides for a card) and verified on 2026-12-07.</summary>
    public DocumentVerification Verify(DecisionSetGenerator generator, DecisionLabel label, DocumentOptions options)
    {
        var (front, back) = generator.RenderDocument(label);
        return new DocumentVerifier(Models, options)
            .Verify(new DocumentImages(front, back, label.DocumentType), new DateOnly(2026, 12, 7), CancellationToken.None);
    }

    public static SKBitmap Decode(byte[] encoded)
    {
        using var bitmap = SKBitmap.Decode(encoded);
        return bitmap.Copy(SKColorType.Rgba8888);
    }

    public void Dispose() => Models.Dispose();
}

[CollectionDefinition(Name)]
public sealed class OcrCollection : ICollectionFixture<OcrFixture>
{
    public const string Name = "ocr";
}
