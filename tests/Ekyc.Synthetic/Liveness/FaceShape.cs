using SkiaSharp;

namespace Ekyc.Synthetic.Liveness;

/// <summary>
/// A generic 3-D face fitted to one photo's 68 landmarks: depth (pixels, towards the camera positive, 0 at the face's
/// front plane) for any point of the head. The head is an ellipse across (its sides, where the jaw line meets the ears,
/// about 1.4 inter-ocular distances behind the front: the tragus sits some 9 cm behind the eyes, which are some 6.3 cm
/// apart; with the 0.95 first used, the turns' homography residual had a median of 0.061 against 0.097 for the real
/// `franck` video frames, now 0.079), the nose a ridge rising from the bridge to a tip about a third of an
/// inter-ocular distance proud, the eyes a little sunken. Rounded from anthropometric averages; not the person's own
/// shape, which is one reason the turns it drives are synthetic.
/// </summary>
public sealed class FaceShape
{
    private const double SideDepth = 1.4;
    private const double TipHeight = 0.35;
    private const double BridgeHeight = 0.1;

    private readonly SKPoint _bridge;
    private readonly SKPoint _tip;
    private readonly SKPoint _leftEye;
    private readonly SKPoint _rightEye;
    private readonly double _centreX;
    private readonly double _halfWidth;
    private readonly double _chinY;

    public FaceShape(IReadOnlyList<SKPoint> landmarks)
    {
        _leftEye = HeadTurn.Mean(landmarks, 36, 42);
        _rightEye = HeadTurn.Mean(landmarks, 42, 48);
        InterOcular = Math.Max(1, HeadTurn.Distance(_leftEye, _rightEye));
        (_bridge, _tip) = (landmarks[27], landmarks[30]);
        _centreX = (landmarks[0].X + landmarks[16].X) / 2;
        _halfWidth = Math.Max(InterOcular, Math.Abs(landmarks[16].X - landmarks[0].X) / 2);
        _chinY = landmarks[8].Y;
    }

    public double InterOcular { get; }

    /// <summary>How far across the face a point lies: 0 in the middle, ±1 at the jaw's ends (left negative).</summary>
    public double Across(SKPoint p) => (p.X - _centreX) / _halfWidth;

    /// <summary>How much of a head turn a point follows: 1 on the head, 0 on the room around it, blended in between.</summary>
    public double Weight(SKPoint p)
    {
        var sides = Math.Clamp((1.3 - Math.Abs(Across(p))) / 0.3, 0, 1);
        var neck = Math.Clamp((_chinY + 0.8 * InterOcular - p.Y) / (0.6 * InterOcular), 0, 1);
        return sides * neck;
    }

    public double Depth(SKPoint p)
    {
        var u = Math.Min(1, Math.Abs(Across(p)));
        var head = -SideDepth * InterOcular * (1 - Math.Sqrt(1 - u * u));
        return head + Nose(p) - Socket(p, _leftEye) - Socket(p, _rightEye);
    }

    /// <summary>A ridge along the bridge-to-tip segment, higher and wider towards the tip, falling off quickly beyond it.</summary>
    private double Nose(SKPoint p)
    {
        var axis = _tip - _bridge;
        var length = Math.Max(1, Math.Sqrt(axis.X * axis.X + axis.Y * axis.Y));
        var t = ((p.X - _bridge.X) * axis.X + (p.Y - _bridge.Y) * axis.Y) / (length * length);
        var along = Math.Clamp(t, 0, 1);
        var nearest = new SKPoint((float)(_bridge.X + along * axis.X), (float)(_bridge.Y + along * axis.Y));
        var r = HeadTurn.Distance(p, nearest) / InterOcular;
        var height = BridgeHeight + (TipHeight - BridgeHeight) * along;
        var sigma = 0.09 + 0.09 * along;
        var beyond = Math.Max(0, (t - 1) * length / InterOcular) + Math.Max(0, -t * length / InterOcular);
        return InterOcular * height * Math.Exp(-0.5 * (r * r / (sigma * sigma) + beyond * beyond / (0.1 * 0.1)));
    }

    private double Socket(SKPoint p, SKPoint eye)
    {
        var r = HeadTurn.Distance(p, eye) / InterOcular;
        return InterOcular * 0.12 * Math.Exp(-0.5 * r * r / (0.22 * 0.22));
    }
}
