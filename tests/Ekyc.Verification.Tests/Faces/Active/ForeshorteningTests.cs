using Ekyc.Verification.Faces;
using Ekyc.Verification.Faces.Active;
using SkiaSharp;

namespace Ekyc.Verification.Tests.Faces.Active;

public class ForeshorteningTests
{
    private static readonly FaceOptions Options = new();

    [Fact]
    public void A_face_moved_rotated_and_scaled_keeps_its_proportions()
    {
        var face = SyntheticHead.Turned(0);
        var moved = SKMatrix.CreateRotationDegrees(12, 320, 270).PostConcat(SKMatrix.CreateScale(1.3f, 1.3f)).PostConcat(SKMatrix.CreateTranslation(40, -25));
        var ratio = Foreshortening.Ratio(face, new FaceLandmarks([.. face.Points.Select(moved.MapPoint)]));
        Assert.InRange(ratio, 0.999, 1.0);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(-40)]
    public void A_flat_picture_turned_narrows_by_about_the_cosine_of_its_turn(double yaw)
    {
        var ratio = Foreshortening.Ratio(SyntheticHead.Turned(0, flat: true), SyntheticHead.Turned(yaw, noise: 1.0, flat: true));
        Assert.InRange(ratio, Math.Cos(yaw * Math.PI / 180) - 0.03, Math.Cos(yaw * Math.PI / 180) + 0.03);
    }

    [Fact]
    public void A_face_shortened_reads_above_one_not_narrowed()
    {
        // A nod or closed eyes shorten the face across its eye line; only a narrowing along it is a picture's turn.
        var face = SyntheticHead.Turned(0);
        var nodded = SKMatrix.CreateScale(1, 0.8f, 320, 270);
        Assert.InRange(Foreshortening.Ratio(face, new FaceLandmarks([.. face.Points.Select(nodded.MapPoint)])), 1.2, 1.3);
    }

    [Fact]
    public void A_head_turned_short_of_a_challenge_turn_barely_narrows()
    {
        // The largest turn of the rough head whose landmark yaw stays under the challenge's turn threshold.
        var front = SyntheticHead.Turned(0);
        var shallow = Enumerable.Range(1, 40).Select(d => SyntheticHead.Turned(d, noise: 1.0))
            .TakeWhile(l => Math.Abs(FaceQuality.Yaw(l) - FaceQuality.Yaw(front)) < Options.ChallengeTurnYaw).Last();
        Assert.True(Foreshortening.Ratio(front, shallow) >= Options.ChallengeFlatNarrowing, $"{Foreshortening.Ratio(front, shallow):F3}");
    }
}
