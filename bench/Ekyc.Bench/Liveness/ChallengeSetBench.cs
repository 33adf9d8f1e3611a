using Ekyc.Core.Engines;
using Ekyc.Synthetic.Decisions;
using Ekyc.Synthetic.Liveness;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Faces.Active;
using Ekyc.Verification.Models;
using SkiaSharp;

namespace Ekyc.Bench.Liveness;

/// <summary>
/// <c>liveness-challenges [--photos DIR] [--seeds N]</c>: BPCER and APCER of challenge-bound active liveness on
/// generated captures (<see cref="ChallengeCapture"/>): every test photo of a person (the decision set's identities and
/// its other portraits) answers random three-move challenges with synthetic head turns and blinks, once per seed, and
/// is attacked as a flat picture turned before the camera, as a recording in the wrong order, with someone else
/// showing the moves and with someone else taking over after the first move. Judged by the real
/// <see cref="ChallengeEvaluator"/> and the full <c>face_liveness</c> decision with default <see cref="FaceOptions"/>;
/// prints the outcome table and the measures the thresholds act on.
/// <c>--dump DIR</c> writes the first seed's frames for a look; <c>--only TEXT</c> keeps the photos whose path contains it.
/// </summary>
public static class ChallengeSetBench
{
    public static void Run(string[] args)
    {
        var photos = Array.IndexOf(args, "--photos") is var i and >= 0 ? args[i + 1] : FacePhotos.Locate();
        var seeds = Array.IndexOf(args, "--seeds") is var s and >= 0 ? int.Parse(args[s + 1]) : 3;
        var dump = Array.IndexOf(args, "--dump") is var d and >= 0 ? Directory.CreateDirectory(args[d + 1]).FullName : null;
        var options = new FaceOptions();
        var limits = ChallengeThresholds.From(options);
        using var models = ModelStore.Locate();
        using var analyzer = new FaceAnalyzer(models, options);
        var capture = new ChallengeCapture(analyzer);
        var only = Array.IndexOf(args, "--only") is var o and >= 0 ? args[o + 1] : "";
        var everyone = FacePhotos.Identities.SelectMany(p => p.Photos.SelectMany(g => g)).Concat(FacePhotos.Others).ToList();
        var people = everyone.Where(p => p.Contains(only, StringComparison.Ordinal)).ToList();

        var rows = new List<Row>();
        foreach (var (photo, index) in people.Select((p, k) => (p, k)))
        {
            var bytes = File.ReadAllBytes(Path.Combine(photos, photo));
            // Someone else for the different-person attack: the next photo of another identity.
            var other = File.ReadAllBytes(Path.Combine(photos, everyone.Skip(everyone.IndexOf(photo) + 1).Concat(everyone).First(p => Identity(p) != Identity(photo))));
            for (var seed = 0; seed < seeds; seed++)
            {
                var random = new Random(everyone.IndexOf(photo) * 1000 + seed);
                var moves = Draw(random);
                var challenge = new ActiveChallenge("bench", moves);
                var renderSeed = random.Next();
                rows.Add(Judge("genuine", photo, challenge, capture.Genuine(bytes, moves, renderSeed)));
                foreach (var attack in ChallengeAttacks.All)
                    rows.Add(Judge(attack.ToWire(), photo, challenge, capture.Attack(attack, bytes, other, moves, renderSeed)));
            }
            Console.Error.Write('.');
        }
        Console.Error.WriteLine();

        Console.WriteLine($"Challenge-bound liveness on generated captures: {people.Count} photos × {seeds} seeds, three moves each (default FaceOptions)");
        Console.WriteLine();
        Console.WriteLine("| capture | n | challenge passed | face_liveness pass | review | fail | rate | challenge outcomes |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var group in rows.GroupBy(r => r.Kind))
        {
            var n = group.Count();
            var genuine = group.Key == "genuine";
            var passes = group.Count(r => r.Status == "pass");
            var rate = genuine ? $"BPCER {(double)(n - passes) / n:P1}" : $"APCER {(double)passes / n:P1}";
            var outcomes = string.Join(", ", group.GroupBy(r => r.Failure ?? "passed").OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));
            Console.WriteLine($"| {group.Key} | {n} | {group.Count(r => r.Failure is null)} | {passes} | {group.Count(r => r.Status == "review")} | {group.Count(r => r.Status == "fail")} | {rate} | {outcomes} |");
        }
        Console.WriteLine();
        Console.WriteLine("BPCER: genuine challenges not passed (review or fail); APCER: attacks passed. Reasons of genuine non-passes: " +
            string.Join(", ", rows.Where(r => r.Kind == "genuine" && r.Status != "pass").SelectMany(r => r.Reasons).GroupBy(x => x).Select(g => $"{g.Key} {g.Count()}")));

        Console.WriteLine();
        Console.WriteLine("What the thresholds act on (min / p10 / median / max):");
        foreach (var group in rows.GroupBy(r => r.Kind))
        {
            Console.WriteLine($"  {group.Key,-22} turn |Δyaw| {Spread(group.SelectMany(r => r.TurnYaws))}   residual {Spread(group.Select(r => r.Parallax).OfType<double>())}" +
                $"   identity {Spread(group.Select(r => r.Identity))}   eyes-open on blink frames {Spread(group.SelectMany(r => r.BlinkEyes))}");
        }
        Console.WriteLine();
        Console.WriteLine("Each frame's similarity to the reference frame (min / p10 / median / max), facing the camera (|Δyaw| under the turn threshold) and turned:");
        foreach (var group in rows.GroupBy(r => r.Kind))
        {
            var frames = group.SelectMany(r => r.Poses.Where(p => p.Frame > 0)).ToList();
            Console.WriteLine($"  {group.Key,-22} facing {Spread(frames.Where(p => Math.Abs(p.YawChange) < limits.TurnYaw).Select(p => p.Identity))}" +
                $"   turned {Spread(frames.Where(p => Math.Abs(p.YawChange) >= limits.TurnYaw).Select(p => p.Identity))}");
        }
        Console.WriteLine($"  thresholds: turn {limits.TurnYaw}, eyes open {limits.EyesOpen}, residual fail < {limits.PlanarParallax} / pass ≥ {limits.MinParallax}, " +
            $"identity fail < {limits.DifferentPerson} / pass ≥ {limits.SamePerson}");
        foreach (var r in rows.Where(r => r.Kind == "genuine" && r.Status != "pass"))
            Console.WriteLine($"  genuine not passed: {r.Photo} [{string.Join(",", r.Moves)}] → {r.Status} {string.Join(",", r.Reasons)}; frames (yaw change/eyes/identity) " +
                string.Join(" ", r.Poses.Select(p => $"{p.Frame}:{p.YawChange:F2}/{p.EyesOpen:F2}/{p.Identity:F2}")));
        foreach (var r in rows.Where(r => r.Kind != "genuine" && r.Status == "pass"))
            Console.WriteLine($"  attack passed: {r.Kind} {r.Photo} [{string.Join(",", r.Moves)}] residual {r.Parallax:F3} turn |Δyaw| {string.Join("/", r.TurnYaws.Select(y => y.ToString("F2")))}");

        Row Judge(string kind, string photo, ActiveChallenge challenge, IReadOnlyList<byte[]> frames)
        {
            if (dump is not null && Path.Combine(dump, $"{kind}-{Path.GetFileNameWithoutExtension(photo)}.png") is var strip && !File.Exists(strip))
            {
                File.WriteAllBytes(strip, Strip(frames, 240));
                for (var f = 0; f < frames.Count; f++)
                    File.WriteAllBytes(Path.ChangeExtension(strip, $"{f}.png"), Strip([frames[f]], 640));
            }
            var observed = frames.Select(f => ImageObservation.Observe(analyzer, f, options, new StageTimer(), eyes: true, liveness: true, screen: false)).ToList();
            var faces = observed.Select(o => o.Faces.Count == 1 ? o.Primary : null).ToList();
            var outcome = ChallengeEvaluator.Evaluate(challenge, faces, limits);
            var check = LivenessEvaluator.Evaluate(observed, challenge, null, options, []);
            // The frames of each move: the neutral frame, then FramesPerMove per move.
            var turnYaws = new List<double>();
            var blinkEyes = new List<double>();
            for (var m = 0; m < challenge.Moves.Count; m++)
                for (var k = 0; k < ChallengeCapture.FramesPerMove; k++)
                {
                    var pose = outcome.Poses.FirstOrDefault(p => p.Frame == 1 + m * ChallengeCapture.FramesPerMove + k);
                    if (pose is null)
                        continue;
                    if (challenge.Moves[m] == ChallengeMove.Blink)
                        blinkEyes.Add(pose.EyesOpen);
                    else
                        turnYaws.Add(Math.Abs(pose.YawChange));
                }
            return new Row(kind, photo, [.. challenge.Moves.Select(m => m.ToWire())], check.Status.ToString().ToLowerInvariant(), check.ReasonCodes,
                outcome.Failure, outcome.Parallax, outcome.Identity, turnYaws, blinkEyes, outcome.Poses);
        }
    }

    private sealed record Row(string Kind, string Photo, string[] Moves, string Status, IReadOnlyList<string> Reasons, string? Failure, double? Parallax,
        double Identity, List<double> TurnYaws, List<double> BlinkEyes, IReadOnlyList<FramePose> Poses);

    /// <summary>Three moves as the server draws them: never the same twice in a row, at least one turn.</summary>
    private static List<ChallengeMove> Draw(Random random)
    {
        var all = Enum.GetValues<ChallengeMove>();
        while (true)
        {
            var moves = new List<ChallengeMove>();
            while (moves.Count < 3)
            {
                var move = all[random.Next(all.Length)];
                if (moves.Count == 0 || moves[^1] != move)
                    moves.Add(move);
            }
            if (moves.Any(m => m != ChallengeMove.Blink))
                return moves;
        }
    }

    /// <summary>The frames side by side, <paramref name="height"/> px high, as a PNG.</summary>
    private static byte[] Strip(IReadOnlyList<byte[]> frames, int height)
    {
        var decoded = frames.Select(f => SKBitmap.Decode(f)).ToList();
        var widths = decoded.Select(b => (int)(b.Width * (double)height / b.Height)).ToList();
        using var strip = new SKBitmap(widths.Sum(), height);
        using (var canvas = new SKCanvas(strip))
        {
            var x = 0;
            foreach (var (bitmap, width) in decoded.Zip(widths))
            {
                using var image = SKImage.FromBitmap(bitmap);
                canvas.DrawImage(image, SKRect.Create(x, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear));
                x += width;
                bitmap.Dispose();
            }
        }
        using var encoded = SKImage.FromBitmap(strip).Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }

    private static string Identity(string photo) =>
        FacePhotos.Identities.FirstOrDefault(p => p.Photos.Any(g => g.Contains(photo)))?.Name ?? photo;

    private static string Spread(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length == 0 ? "—" : $"{v[0]:F3}/{v[v.Length / 10]:F3}/{v[v.Length / 2]:F3}/{v[^1]:F3}";
    }
}
