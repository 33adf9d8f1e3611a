using System.Globalization;
using Ekyc.Verification.Imaging;

namespace Ekyc.Verification.Faces.Calibration;

/// <summary>
/// Embeds every labelled face of a calibration folder, compares every pair and tabulates false accepts and
/// false rejects per threshold — the evidence behind <see cref="FaceOptions.MatchPassThreshold"/>.
/// </summary>
public static class FaceCalibration
{
    public static readonly IReadOnlyList<double> DefaultThresholds = [0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70];

    private sealed record LabelledFace(string Name, string Identity, string Session, float[] Embedding);

    public static CalibrationReport Run(FaceAnalyzer analyzer, CalibrationManifest manifest, FaceOptions options, IReadOnlyList<double>? thresholds = null)
    {
        var problems = new List<string>();
        var faces = new List<LabelledFace>();
        foreach (var photo in manifest.Photos)
        {
            var name = Path.GetFileName(photo.Path);
            using var image = UprightImage.TryDecode(File.ReadAllBytes(photo.Path), options.MaxImageSide, options.MaxImagePixels, out var reason);
            if (image is null)
            {
                problems.Add($"{name}: {reason}");
                continue;
            }
            var timer = new StageTimer();
            var boxes = analyzer.Detect(image, timer);
            var expected = photo.Group ? photo.Faces ?? boxes.Count : 1;
            if (boxes.Count != expected)
                problems.Add($"{name}: {boxes.Count} faces detected, {expected} expected");
            var used = photo.Group ? boxes : boxes.Take(1).ToList();
            for (var i = 0; i < used.Count; i++)
            {
                var analysis = analyzer.Analyze(image, used[i], timer);
                var label = photo.Group ? $"{name}#{i}" : name;
                var identity = photo.Group ? photo.People?.GetValueOrDefault(i.ToString(CultureInfo.InvariantCulture)) ?? label : photo.Identity ?? name;
                faces.Add(new LabelledFace(label, identity, photo.Session ?? label, analysis.Embedding));
            }
        }

        var pairs = new List<CalibrationPair>();
        for (var i = 0; i < faces.Count; i++)
        {
            for (var j = i + 1; j < faces.Count; j++)
            {
                var (a, b) = (faces[i], faces[j]);
                var kind = a.Identity != b.Identity ? CalibrationPair.Impostor
                    : a.Session == b.Session ? CalibrationPair.GenuineSameSession : CalibrationPair.GenuineCrossPhoto;
                pairs.Add(new CalibrationPair(a.Name, b.Name, kind, Math.Round(FaceEmbedder.Similarity(a.Embedding, b.Embedding), 4)));
            }
        }

        var genuine = pairs.Where(p => p.Genuine).ToList();
        var impostors = pairs.Where(p => !p.Genuine).ToList();
        var rows = (thresholds ?? DefaultThresholds).Select(t =>
        {
            var falseAccepts = impostors.Count(p => p.Similarity >= t);
            var falseRejects = genuine.Count(p => p.Similarity < t);
            return new ThresholdRow(t, falseAccepts, Rate(falseAccepts, impostors.Count), falseRejects, Rate(falseRejects, genuine.Count));
        }).ToList();
        var distributions = new Dictionary<string, Distribution>
        {
            [CalibrationPair.GenuineCrossPhoto] = Distribution.Of(pairs.Where(p => p.Kind == CalibrationPair.GenuineCrossPhoto).Select(p => p.Similarity)),
            [CalibrationPair.GenuineSameSession] = Distribution.Of(pairs.Where(p => p.Kind == CalibrationPair.GenuineSameSession).Select(p => p.Similarity)),
            [CalibrationPair.Impostor] = Distribution.Of(impostors.Select(p => p.Similarity)),
        };
        return new CalibrationReport(faces.Count, problems, distributions, rows, pairs);
    }

    private static double Rate(int count, int total) => total == 0 ? 0 : Math.Round((double)count / total, 4);
}
