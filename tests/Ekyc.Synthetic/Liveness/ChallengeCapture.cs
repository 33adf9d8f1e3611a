using Ekyc.Core.Engines;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Imaging;
using SkiaSharp;
using static Ekyc.Synthetic.Liveness.WebcamSensor;

namespace Ekyc.Synthetic.Liveness;

/// <summary>
/// The selfie frames a capture page sends for a liveness challenge (a neutral frame, then two frames per move), made
/// from one still photo of a person: genuine answers with synthetic head turns (<see cref="HeadTurn"/>) and blinks
/// (<see cref="Blink"/>), and the attacks of <see cref="ChallengeAttack"/>. The face's landmarks come from the server's
/// own face models. Deterministic from the seed.
/// </summary>
public sealed class ChallengeCapture(FaceAnalyzer analyzer)
{
    public const int FramesPerMove = 2;

    /// <summary>Frames of a live person showing <paramref name="moves"/> in order.</summary>
    public IReadOnlyList<byte[]> Genuine(byte[] photo, IReadOnlyList<ChallengeMove> moves, int seed)
    {
        var random = new Random(seed);
        using var scene = Scene(photo, random);
        var landmarks = Landmarks(scene);
        var gain = Uniform(random, 0.85, 1.1);
        var frames = new List<byte[]> { Frame(scene, gain, random) };
        foreach (var move in moves)
        {
            // Turns of 20–35°; the first frame of a move catches the head still on its way.
            var yaw = Uniform(random, 20, 35);
            for (var k = 0; k < FramesPerMove; k++)
            {
                using var pose = move switch
                {
                    ChallengeMove.TurnLeft => HeadTurn.Render(scene, landmarks, yaw * (k == 0 ? 0.8 : 1)),
                    ChallengeMove.TurnRight => HeadTurn.Render(scene, landmarks, -yaw * (k == 0 ? 0.8 : 1)),
                    _ => Blink.Render(scene, landmarks),
                };
                frames.Add(Frame(pose, gain, random));
            }
        }
        return frames;
    }

    /// <summary>
    /// Frames of an attack on <paramref name="moves"/>: <paramref name="other"/> is the photo of the person who shows the
    /// moves in <see cref="ChallengeAttack.DifferentPerson"/> and takes them over in <see cref="ChallengeAttack.SwappedMidChallenge"/>
    /// (unused otherwise).
    /// </summary>
    public IReadOnlyList<byte[]> Attack(ChallengeAttack attack, byte[] photo, byte[] other, IReadOnlyList<ChallengeMove> moves, int seed) => attack switch
    {
        ChallengeAttack.FlatPicture => Flat(photo, moves, seed),
        ChallengeAttack.WrongOrder => Genuine(photo, OtherOrder(moves), seed),
        ChallengeAttack.DifferentPerson => [Genuine(photo, [], seed)[0], .. Genuine(other, moves, seed + 1).Skip(1)],
        ChallengeAttack.SwappedMidChallenge => [.. Genuine(photo, moves, seed).Take(1 + FramesPerMove), .. Genuine(other, moves, seed + 1).Skip(1 + FramesPerMove)],
        _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, null),
    };

    /// <summary>The picture held before the camera and turned by 30–50° for a turn; for a blink it is only held (it cannot blink).</summary>
    private IReadOnlyList<byte[]> Flat(byte[] photo, IReadOnlyList<ChallengeMove> moves, int seed)
    {
        var random = new Random(seed);
        using var scene = Scene(photo, random);
        var landmarks = Landmarks(scene);
        var centre = HeadTurn.Mean(landmarks, 0, landmarks.Count);
        var gain = Uniform(random, 0.85, 1.1);
        var frames = new List<byte[]> { Frame(scene, gain, random) };
        foreach (var move in moves)
        {
            var angle = Uniform(random, 30, 50);
            for (var k = 0; k < FramesPerMove; k++)
            {
                // A picture turned about a vertical axis: its far side shrinks, which moves the nose towards it.
                var yaw = move switch { ChallengeMove.TurnLeft => angle, ChallengeMove.TurnRight => -angle, _ => 0 };
                using var view = FlatPicture.Tilt(scene, centre, yaw * (k == 0 ? 0.8 : 1), Uniform(random, -8, 8), Uniform(random, 0.95, 1.05));
                frames.Add(Frame(view, gain, random));
            }
        }
        return frames;
    }

    /// <summary>The moves reversed, or rotated by one where reversing gives them back unchanged.</summary>
    public static IReadOnlyList<ChallengeMove> OtherOrder(IReadOnlyList<ChallengeMove> moves)
    {
        var reversed = moves.Reverse().ToList();
        return reversed.SequenceEqual(moves) ? [.. moves.Skip(1), moves[0]] : reversed;
    }

    /// <summary>The photo at a webcam's size (longer side 480–680 px).</summary>
    private static SKBitmap Scene(byte[] photo, Random random)
    {
        using var source = SKBitmap.Decode(photo) ?? throw new InvalidDataException("Undecodable photo.");
        var scale = Uniform(random, 480, 680) / Math.Max(source.Width, source.Height);
        return source.Resize(new SKImageInfo((int)(source.Width * scale), (int)(source.Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    /// <summary>The 68 landmarks of the largest face, as the server finds them.</summary>
    private IReadOnlyList<SKPoint> Landmarks(SKBitmap scene)
    {
        using var bitmap = SKImage.FromBitmap(scene);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var options = new FaceOptions();
        using var image = UprightImage.TryDecode(png.ToArray(), options.MaxImageSide, options.MaxImagePixels, out _)
            ?? throw new InvalidDataException("Undecodable scene.");
        var faces = analyzer.Detect(image, new StageTimer());
        if (faces.Count == 0)
            throw new InvalidDataException("No face in the photo.");
        return analyzer.Analyze(image, faces[0], new StageTimer()).Landmarks.Points;
    }
}
