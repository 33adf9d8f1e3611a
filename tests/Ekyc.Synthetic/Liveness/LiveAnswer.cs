using Ekyc.Core.Engines;
using SkiaSharp;
using static Ekyc.Synthetic.Liveness.WebcamSensor;

namespace Ekyc.Synthetic.Liveness;

/// <summary>
/// A person answering a challenge before the capture page (<c>selfie.js</c>), made from one still photo: the page
/// samples frames at each step until the server's pose check sees the step's pose, and uploads only those frames, one
/// per step. <see cref="Next"/> is the next frame the camera takes at a step: the face looking at the camera (step 0;
/// a head the check reads turned is turned back, as a person told to look straight does), then each move — a turn
/// caught on its way and reaching further each time the person is told to turn further, a blink. Deterministic from
/// the seed and the order of the pose check's answers.
/// </summary>
public sealed class LiveAnswer : IDisposable
{
    /// <summary>How far a person turns at most when told to turn further, in degrees.</summary>
    internal const double MaxYaw = 45;
    /// <summary>
    /// Degrees of a generated turn per unit of the landmark yaw proxy, rounded down (turns of 20–35° read 0.3–0.7): a
    /// correction that falls short is repeated at the next frame, one that overshoots would swing back and forth.
    /// </summary>
    private const double DegreesPerYaw = 50;

    private readonly SKBitmap _scene;
    private readonly IReadOnlyList<SKPoint> _landmarks;
    private readonly IReadOnlyList<ChallengeMove> _moves;
    private readonly double[] _yaws;
    private readonly int[] _attempts;
    private readonly double _gain;
    private readonly Random _random;
    /// <summary>How far the person has turned from the photo's pose to face the camera, in degrees.</summary>
    private double _facing;

    internal LiveAnswer(SKBitmap scene, IReadOnlyList<SKPoint> landmarks, IReadOnlyList<ChallengeMove> moves, double gain, Random random)
    {
        (_scene, _landmarks, _moves, _gain, _random) = (scene, landmarks, moves, gain, random);
        // Turns of 20–35°, as the unguided answers make them.
        _yaws = [.. moves.Select(_ => Uniform(random, 20, 35))];
        _attempts = new int[moves.Count + 1];
    }

    /// <summary>
    /// The page's answer: at each step, frames go to <paramref name="poseCheck"/> (the server's pose check: the step, the
    /// reference's yaw, the frame) until one shows the step's pose, and only those frames are kept — the reference, then
    /// one per move. Null when some step was never seen in <paramref name="attemptsPerStep"/> frames: the customer takes
    /// the page's way out, a still selfie.
    /// </summary>
    public async Task<IReadOnlyList<byte[]>?> AnswerAsync(Func<int, double, byte[], Task<PoseSeen>> poseCheck, int attemptsPerStep)
    {
        var kept = new List<byte[]>();
        var referenceYaw = 0.0;
        for (var step = 0; step <= _moves.Count; step++)
        {
            byte[]? matched = null;
            for (var attempt = 0; attempt < attemptsPerStep && matched is null; attempt++)
            {
                var frame = Next(step);
                var seen = await poseCheck(step, referenceYaw, frame);
                if (!seen.Matched)
                {
                    // Told to look straight, the person turns their head back by about the yaw the check read.
                    if (step == 0)
                        _facing -= seen.Yaw * DegreesPerYaw;
                    continue;
                }
                matched = frame;
                if (step == 0)
                    referenceYaw = seen.Yaw;
            }
            if (matched is null)
                return null;
            kept.Add(matched);
        }
        return kept;
    }

    /// <summary>The next frame at <paramref name="step"/> (0: the reference, k: the k-th move).</summary>
    public byte[] Next(int step)
    {
        var attempt = _attempts[step]++;
        if (step == 0)
        {
            using var facing = HeadTurn.Render(_scene, _landmarks, _facing);
            return Frame(facing, _gain, _random);
        }
        // The first frame catches the head on its way (0.8 of its turn), each later one a fifth further.
        var yaw = Math.Min(MaxYaw, _yaws[step - 1] * (0.8 + 0.2 * attempt));
        using var pose = _moves[step - 1] switch
        {
            ChallengeMove.TurnLeft => HeadTurn.Render(_scene, _landmarks, _facing + yaw),
            ChallengeMove.TurnRight => HeadTurn.Render(_scene, _landmarks, _facing - yaw),
            _ => Blinking(),
        };
        return Frame(pose, _gain, _random);
    }

    /// <summary>Both eyes closed on the head as it faces the camera (the lids painted where the photo's eyes are, then turned).</summary>
    private SKBitmap Blinking()
    {
        using var closed = Blink.Render(_scene, _landmarks);
        return HeadTurn.Render(closed, _landmarks, _facing);
    }

    public void Dispose() => _scene.Dispose();
}

/// <summary>What the pose check said of a frame: whether it shows the step's pose, and the head's yaw it read.</summary>
public readonly record struct PoseSeen(bool Matched, double Yaw);
