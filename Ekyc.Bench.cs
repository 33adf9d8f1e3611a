#:project /work/main/src/Ekyc.Verification/Ekyc.Verification.csproj
#:project /work/main/tests/Ekyc.Synthetic/Ekyc.Synthetic.csproj
using Ekyc.Core.Engines;
using Ekyc.Synthetic.Capture;
using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Models;
using SkiaSharp;

// Genuine documents (300 dpi scan render) laid on a desk and photographed at an angle: keystone and rotation.
var seed = int.Parse(args[0]);
var keystones = args[1].Split(',').Select(double.Parse).ToArray();
var rotation = double.Parse(args[2]);
var dpi = double.Parse(args[3]);
var count = int.Parse(args[4]);
using var models = ModelStore.Locate();
var verifier = new DocumentVerifier(models, new DocumentOptions());
var gen = new DecisionSetGenerator(FacePhotos.Locate("/work/main/tests/data/photos"), new SpecimenRenderer(OcrBFont.Path),
    designs: [SpecimenDesign.Classic, SpecimenDesign.Modern, SpecimenDesign.National]);
var wanted = new[] { DecisionClass.GenuinePassport, DecisionClass.GenuineIdCard, DecisionClass.TamperedCheckDigit, DecisionClass.PrintedMrzMismatch, DecisionClass.ExpiredDocument, DecisionClass.SpecimenDocument };
var labels = gen.Plan(count, seed).Where(l => wanted.Contains(l.Class) && l.Capture is CaptureCondition.Scan300Dpi or CaptureCondition.Jpeg70To95).ToList();
byte[] Shoot(byte[] scan, double keystone, int s)
{
    using var page = SKBitmap.Decode(scan);
    // The page on a desk, filling about 70 % of the frame's width.
    var (w, h) = ((int)(page.Width * 1.45), (int)(page.Height * 1.6));
    using var desk = new SKBitmap(w, h, SKColorType.Rgba8888, SKAlphaType.Premul);
    using (var canvas = new SKCanvas(desk))
    {
        WoodenDesk.Draw(canvas, w, h);
        using (var img = SKImage.FromBitmap(page)) canvas.DrawImage(img, (w - page.Width) / 2f, (h - page.Height) / 2f, SKSamplingOptions.Default, null);
    }
    return SimulatedCamera.Photograph(new PaperScene(desk, 0.3), new CameraShot
    {
        Scale = dpi / 300, RotationDegrees = rotation, Keystone = keystone, LensBlur = 0.6, Noise = 0.008, JpegQuality = 88, Seed = s,
    });
}
foreach (var label in labels)
{
    var (front, back) = gen.RenderDocument(label);
    foreach (var k in keystones)
    {
        var f = Shoot(front, k, label.RenderSeed);
        var b = back is null ? null : Shoot(back, k, label.RenderSeed + 1);
        File.WriteAllBytes($"/tmp/persp/{label.RenderSeed}_{k}_{rotation}_f.jpg", f);
        var result = verifier.Verify(new DocumentImages(f, b, label.DocumentType), DateOnly.FromDateTime(DateTime.UtcNow), CancellationToken.None);
        var a = result.Authenticity;
        Console.WriteLine($"{label.Class,-19} {label.DocumentType,-8} {label.Design,-9} k={k,5} rot={rotation,4} {a.Status,-7} {string.Join(",", a.ReasonCodes)}");
    }
}
