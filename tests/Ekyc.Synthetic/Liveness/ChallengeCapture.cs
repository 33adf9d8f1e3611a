using Ekyc.Core.Engines;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Faces.Active;
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
        var staged = Stage(photo, random);
        using var scene = staged.Scene;
        var landmarks = staged.Landmarks;
        var gain = Uniform(random, 0.85, 1.1);
        var frames = new List<byte[]> { Frame(scene, gain, random) };
        var referenceYaw = moves.Any(m => m != ChallengeMove.Blink) ? Read(scene)?.Yaw ?? 0 : 0;
        foreach (var move in moves)
        {
            var yaw = Uniform(random, 20, 35);
            if (move == ChallengeMove.Blink)
            {
                for (var k = 0; k < FramesPerMove; k++)
                {
                    using var blink = Blink.Render(scene, landmarks);
                    frames.Add(Frame(blink, gain, random));
                }
                continue;
            }
            // Turns of 20–35°, taken further where the pose guide would say "turn further"; the first frames of a move
            // catch the head still on its way, the last is the one the guide kept.
            var (degrees, kept) = AsGuided(scene, landmarks, move, move == ChallengeMove.TurnLeft ? yaw : -yaw, referenceYaw);
            using (kept)
            {
                for (var k = 0; k < FramesPerMove - 1; k++)
                {
                    using var onItsWay = HeadTurn.Render(scene, landmarks, degrees * 0.8);
                    frames.Add(Frame(onItsWay, gain, random));
                }
                frames.Add(Frame(kept, gain, random));
            }
        }
        return frames;
    }

    /// <summary>
    /// The turn, in degrees (signed), a person following the capture page's pose guide ends on, and its frame: a turn
    /// the guide does not keep yet (<see cref="PoseGuide.Judge"/>, "turn further") goes on by a fifth at a time, as
    /// <see cref="LiveAnswer"/>'s person does, up to <see cref="LiveAnswer.MaxYaw"/>.
    /// </summary>
    private (double Degrees, SKBitmap Pose) AsGuided(SKBitmap scene, IReadOnlyList<SKPoint> landmarks, ChallengeMove move, double degrees, double referenceYaw)
    {
        var options = new FaceOptions();
        for (var step = 1.0; ; step += 0.2)
        {
            var turn = Math.Clamp(degrees * step, -LiveAnswer.MaxYaw, LiveAnswer.MaxYaw);
            var pose = HeadTurn.Render(scene, landmarks, turn);
            if (Math.Abs(turn) >= LiveAnswer.MaxYaw || Read(pose) is { } reading && PoseGuide.Judge(reading, move, referenceYaw, options).Matched)
                return (turn, pose);
            pose.Dispose();
        }
    }

    /// <summary>A live person answering <paramref name="moves"/> through the capture page's pose guidance (<see cref="LiveAnswer"/>).</summary>
    public LiveAnswer Live(byte[] photo, IReadOnlyList<ChallengeMove> moves, int seed)
    {
        var random = new Random(seed);
        var (scene, landmarks) = Stage(photo, random);
        return new LiveAnswer(scene, landmarks, moves, Uniform(random, 0.85, 1.1), random);
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
        // The picture itself fills the frame: no room is added beside a printed face.
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

    /// <summary>
    /// A frame of a real head, turned further by <paramref name="degrees"/> (positive: to the person's left) on the
    /// landmarks the server reads in it: a recorded turn taken as far as a customer following the page's guide goes.
    /// </summary>
    public SKBitmap TurnedFurther(SKBitmap frame, double degrees) => HeadTurn.Render(frame, Landmarks(frame), degrees);

    /// <summary>The moves reversed, or rotated by one where reversing gives them back unchanged.</summary>
    public static IReadOnlyList<ChallengeMove> OtherOrder(IReadOnlyList<ChallengeMove> moves)
    {
        var reversed = moves.Reverse().ToList();
        return reversed.SequenceEqual(moves) ? [.. moves.Skip(1), moves[0]] : reversed;
    }

    /// <summary>
    /// The photo as a webcam frame with the head in the capture page's oval, and its face's landmarks: at a webcam's
    /// size, and with room beside the head. A photo cropped to the face (`sean_guru2_crop`, `bill-murray-snl_crop`) has
    /// its cheek on the border, and a head turned towards that side was squeezed against the frame edge, which stays
    /// put: those frames read 0.01–0.25 against the reference while the other side's turns read 0.6–0.9. The page's
    /// 3:4 oval in a landscape frame leaves room on both sides; here the room goes on, its border repeated.
    /// </summary>
    private (SKBitmap Scene, IReadOnlyList<SKPoint> Landmarks) Stage(byte[] photo, Random random)
    {
        var scene = Scene(photo, random);
        var landmarks = Landmarks(scene);
        var interOcular = HeadTurn.Distance(HeadTurn.Mean(landmarks, 36, 42), HeadTurn.Mean(landmarks, 42, 48));
        var room = (int)Math.Ceiling(SideRoom * interOcular);
        var (left, right) = (Math.Max(0, room - (int)landmarks[0].X), Math.Max(0, room - (int)(scene.Width - landmarks[16].X)));
        if (left == 0 && right == 0)
            return (scene, landmarks);
        var wide = new SKBitmap(new SKImageInfo(scene.Width + left + right, scene.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(wide))
        using (var image = SKImage.FromBitmap(scene))
        using (var paint = new SKPaint { Shader = image.ToShader(SKShaderTileMode.Clamp, SKShaderTileMode.Clamp, SKMatrix.CreateTranslation(left, 0)) })
            canvas.DrawRect(SKRect.Create(wide.Width, wide.Height), paint);
        scene.Dispose();
        return (wide, [.. landmarks.Select(p => new SKPoint(p.X + left, p.Y))]);
    }

    /// <summary>Room beside the face outline, in inter-ocular distances: the turned head's mesh reaches 0.6 beyond it.</summary>
    private const double SideRoom = 1.5;

    /// <summary>The photo at a webcam's size (longer side 480–680 px).</summary>
    private static SKBitmap Scene(byte[] photo, Random random)
    {
        using var source = SKBitmap.Decode(photo) ?? throw new InvalidDataException("Undecodable photo.");
        var scale = Uniform(random, 480, 680) / Math.Max(source.Width, source.Height);
        return source.Resize(new SKImageInfo((int)(source.Width * scale), (int)(source.Height * scale), SKColorType.Rgba8888, SKAlphaType.Premul),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
    }

    /// <summary>The 68 landmarks of the largest face, as the server finds them.</summary>
    private IReadOnlyList<SKPoint> Landmarks(SKBitmap scene) => Analyse(scene)?.Landmarks.Points ?? throw new InvalidDataException("No face in the photo.");

    /// <summary>The frame's pose as the capture page's pose check reads it.</summary>
    private PoseReading? Read(SKBitmap scene) => PoseReader.Read(analyzer, Png(scene), new FaceOptions());

    private FaceAnalysis? Analyse(SKBitmap scene)
    {
        var options = new FaceOptions();
        using var image = UprightImage.TryDecode(Png(scene), options.MaxImageSide, options.MaxImagePixels, out _)
            ?? throw new InvalidDataException("Undecodable scene.");
        var faces = analyzer.Detect(image, new StageTimer());
        return faces.Count == 0 ? null : analyzer.Analyze(image, faces[0], new StageTimer());
    }

    private static byte[] Png(SKBitmap scene)
    {
        using var image = SKImage.FromBitmap(scene);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
