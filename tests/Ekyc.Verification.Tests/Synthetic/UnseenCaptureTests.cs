using Ekyc.Synthetic.Decisions;
using Ekyc.Verification.Tests.Documents;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Synthetic;

/// <summary>
/// The held-out capture conditions (<see cref="CaptureConditions.Unseen"/>) are a list of their own: the sets the
/// rules were measured on, and the labels the tests replay by seed and id, plan as before.
/// </summary>
public class UnseenCaptureTests
{
    [Fact]
    public void The_measured_capture_lists_are_unchanged_and_the_unseen_ones_apart()
    {
        Assert.Equal([CaptureCondition.Scan300Dpi, CaptureCondition.Phone150DpiUnevenLight, CaptureCondition.Rotated, CaptureCondition.Jpeg70To95, CaptureCondition.PhoneAtAngle],
            CaptureConditions.All);
        Assert.Equal(CaptureConditions.All.Take(4), CaptureConditions.FirstFour);
        Assert.Empty(CaptureConditions.Unseen.Intersect(CaptureConditions.All));
        Assert.Equal(CaptureConditions.All, CaptureConditions.Named("all"));
        Assert.Equal(CaptureConditions.Unseen, CaptureConditions.Named("unseen"));
        Assert.Equal([CaptureCondition.GlareSpot], CaptureConditions.Named("glare_spot"));

        var labels = new DecisionSetGenerator(FacePhotos.Locate(AppContext.BaseDirectory), OcrFixture.Renderer(), captures: CaptureConditions.All).Plan(5, seed: 1);
        Assert.All(labels, l => Assert.Contains(l.Capture, CaptureConditions.All));
        Assert.Equal([.. CaptureConditions.All, .. CaptureConditions.All], labels.Where(l => l.Class == DecisionClass.GenuinePassport).Select(l => l.Capture));
    }

    [Fact]
    public void Each_unseen_condition_renders_the_capture_it_names()
    {
        var generator = new DecisionSetGenerator(FacePhotos.Locate(AppContext.BaseDirectory), OcrFixture.Renderer(), captures: CaptureConditions.Unseen);
        var passports = generator.Plan(CaptureConditions.Unseen.Count, seed: 1).Where(l => l.Class == DecisionClass.GenuinePassport).Take(CaptureConditions.Unseen.Count).ToList();
        Assert.Equal(CaptureConditions.Unseen, passports.Select(l => l.Capture));
        foreach (var label in passports)
        {
            var (front, _) = generator.RenderDocument(label);
            using var codec = SKCodec.Create(new MemoryStream(front));
            var (width, height) = (codec.Info.Width, codec.Info.Height);
            // A passport page is wider than tall: only a sideways photo stores it standing.
            Assert.Equal(label.Capture is CaptureCondition.PhoneSideways or CaptureCondition.PhoneSidewaysExif, height > width);
            Assert.Equal(label.Capture == CaptureCondition.PhoneSidewaysExif, codec.EncodedOrigin is SKEncodedOrigin.RightTop or SKEncodedOrigin.LeftBottom);
            Assert.Equal(label.Capture == CaptureCondition.Screenshot700PxPng ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
            if (label.Capture == CaptureCondition.Screenshot700PxPng)
                Assert.InRange(width, 640, 760);
            if (label.Capture == CaptureCondition.SmallOnClutteredDesk)
                Assert.True(width > 2000, $"{width} px: the page should be small in a large frame");
        }
        Assert.Equal(generator.RenderDocument(passports[0]).Front, generator.RenderDocument(passports[0]).Front);
    }
}
