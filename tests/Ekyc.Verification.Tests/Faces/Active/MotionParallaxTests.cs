using Ekyc.Verification.Faces;
using Ekyc.Verification.Faces.Active;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Faces.Active;

public class MotionParallaxTests
{
    private static readonly FaceOptions Options = new();

    [Fact]
    public void A_homography_fitted_to_mapped_points_maps_them_back_exactly()
    {
        var source = SyntheticHead.Turned(0).Points.ToArray();
        var truth = new SKMatrix(1.1f, 0.05f, 12, -0.04f, 0.95f, -7, 0.0002f, -0.0001f, 1);
        var target = source.Select(truth.MapPoint).ToArray();
        var fitted = Homography.Fit(source, target)!;
        Assert.All(source.Zip(target), pair => Assert.True(SKPoint.Distance(fitted.Map(pair.First), pair.Second) < 1e-2));
    }

    [Fact]
    public void Fewer_than_four_points_or_a_degenerate_set_has_no_homography()
    {
        Assert.Null(Homography.Fit([new SKPoint(0, 0), new SKPoint(1, 0), new SKPoint(0, 1)], [new SKPoint(0, 0), new SKPoint(1, 0), new SKPoint(0, 1)]));
        SKPoint[] line = [new(0, 0), new(1, 1), new(2, 2), new(3, 3), new(4, 4)];
        Assert.Null(Homography.Fit(line, line));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(-25)]
    [InlineData(35)]
    public void A_flat_picture_turned_before_the_camera_is_one_homography(double yaw)
    {
        var residual = MotionParallax.Residual(SyntheticHead.Turned(0, flat: true), SyntheticHead.Turned(yaw, noise: 1.0, flat: true));
        Assert.True(residual < Options.ChallengePlanarParallax, $"residual {residual:F4}");
    }

    [Theory]
    [InlineData(20)]
    [InlineData(-20)]
    [InlineData(30)]
    public void A_real_head_turn_leaves_a_parallax_no_homography_explains(double yaw)
    {
        var residual = MotionParallax.Residual(SyntheticHead.Turned(0), SyntheticHead.Turned(yaw, noise: 1.0));
        Assert.True(residual >= Options.ChallengeMinParallax, $"residual {residual:F4}");
    }

    [Fact]
    public void Landmark_jitter_alone_is_not_parallax()
    {
        var residual = MotionParallax.Residual(SyntheticHead.Turned(0, noise: 1.0, seed: 1), SyntheticHead.Turned(0, noise: 1.0, seed: 2));
        Assert.True(residual < Options.ChallengePlanarParallax, $"residual {residual:F4}");
    }
}
