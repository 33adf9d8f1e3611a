using Ekyc.Verification.Faces;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Faces;

public class SimilarityTransformTests
{
    private static readonly SKPoint[] Face = [new(30, 40), new(70, 41), new(50, 62), new(35, 82), new(66, 81)];

    [Property(MaxTest = 200)]
    public Property Recovers_a_known_rotation_scale_and_shift() =>
        Prop.ForAll(Gen.Choose(-170, 170).ToArbitrary(), Gen.Choose(20, 400).ToArbitrary(), Gen.Choose(-500, 500).ToArbitrary(), (degrees, scalePercent, shift) =>
        {
            var truth = SKMatrix.Concat(SKMatrix.CreateTranslation(shift, -shift / 2f),
                SKMatrix.Concat(SKMatrix.CreateRotationDegrees(degrees), SKMatrix.CreateScale(scalePercent / 100f, scalePercent / 100f)));
            var target = Face.Select(truth.MapPoint).ToArray();
            var estimated = SimilarityTransform.Estimate(Face, target);
            return Face.Zip(target).All(p => SKPoint.Distance(estimated.MapPoint(p.First), p.Second) < 0.05f);
        });

    [Fact]
    public void Noisy_points_give_the_least_squares_fit_not_an_exact_one()
    {
        SKPoint[] target = [new(31, 40), new(70, 40), new(50, 63), new(35, 82), new(65, 82)];
        var estimated = SimilarityTransform.Estimate(Face, target);
        var error = Face.Zip(target).Sum(p => SKPoint.Distance(estimated.MapPoint(p.First), p.Second));
        Assert.InRange(error, 0.01, 5);
        Assert.Equal(estimated.ScaleX, estimated.ScaleY, 4);
        Assert.Equal(estimated.SkewX, -estimated.SkewY, 4);
    }
}
