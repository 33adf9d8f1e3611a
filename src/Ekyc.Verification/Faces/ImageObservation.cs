using Ekyc.Verification.Documents.Forensics;
using Ekyc.Verification.Imaging;
using SkiaSharp;

namespace Ekyc.Verification.Faces;

/// <summary>What one uploaded picture gave: an image error, or its faces and the analysis of the largest.</summary>
internal sealed record ImageObservation(string? Error, int Width, int Height, IReadOnlyList<FaceBox> Faces, FaceAnalysis? Primary)
{
    /// <summary>The screen-recapture measure of the whole picture, when asked for and the picture is large enough.</summary>
    public ScreenRecapture? Screen { get; init; }

    /// <summary>The black and white levels of the largest face's box (<see cref="FaceTone"/>), when asked for.</summary>
    public FaceToneLevels? Tone { get; init; }

    /// <summary>Clockwise quarter turns the picture was read under (<see cref="FaceTurn"/>); the boxes are in the turned picture.</summary>
    public int QuarterTurns { get; init; }

    /// <param name="screen">Measure the screen grid (the passive selfie's evidence, not every challenge frame's).</param>
    /// <param name="tone">Measure the face's black and white levels (likewise).</param>
    /// <param name="quarterTurns">
    /// Read the picture turned clockwise by this many quarter turns; null: find the turn under which its face is upright
    /// (<see cref="FaceTurn"/>).
    /// </param>
    public static ImageObservation Observe(FaceAnalyzer analyzer, byte[] bytes, FaceOptions options, StageTimer timer, bool eyes, bool liveness,
        bool screen = false, bool tone = false, int? quarterTurns = 0)
    {
        string? reason = null;
        using var image = timer.Time("decode", () => UprightImage.TryDecode(bytes, options.MaxImageSide, options.MaxImagePixels, out reason));
        if (image is null)
            return new ImageObservation(reason ?? ImageReasons.Undecodable, 0, 0, [], null);
        var turns = quarterTurns ?? 0;
        using var given = turns > 0 ? timer.Time("turn", () => image.Turned(turns)) : null;
        var read = given ?? image;
        var faces = analyzer.Detect(read, timer);
        var primary = faces.Count > 0 ? analyzer.Analyze(read, faces[0], timer, eyes, liveness) : null;
        using var found = quarterTurns is null ? FaceTurn.Find(analyzer, image, primary, options, timer) : null;
        if (found is not null)
        {
            (turns, read, faces, primary) = (found.QuarterTurns, found.Picture, found.Faces, found.Primary);
            if (eyes || liveness)
                primary = analyzer.Analyze(read, faces[0], timer, eyes, liveness);
        }
        if (primary is not null && faces.Count > 1)
            faces = [faces[0], .. faces.Skip(1).Where(box => !HoldsAnEyeOf(box, primary))];
        return new ImageObservation(null, read.Width, read.Height, faces, primary)
        {
            Screen = screen ? timer.Time("screen_recapture", () => MeasureScreen(image)) : null,
            Tone = tone && primary is not null ? timer.Time("tone", () => FaceTone.Measure(read.Image, primary.Box)) : null,
            QuarterTurns = turns,
        };
    }

    /// <summary>
    /// Whether a further box holds an eye of the largest face: that box is part of the same face, never a second person,
    /// who would hide the eye. On a tight crop the detector placed the whole face off-centre and also boxed one eye and
    /// brow with the glasses, under half inside the first box (`walter2_crop`, every challenge frame `multiple_faces`).
    /// </summary>
    private static bool HoldsAnEyeOf(FaceBox box, FaceAnalysis face) =>
        face.Landmarks.FivePoints()[..2].Any(eye => box.Rect.Contains(eye.X, eye.Y));

    private static ScreenRecapture? MeasureScreen(UprightImage image)
    {
        using var bitmap = SKBitmap.FromImage(image.Image);
        return bitmap is null ? null : ScreenRecapture.Measure(bitmap);
    }

    /// <summary>Shorter side of the picture.</summary>
    public int ShortSide => Math.Min(Width, Height);

    /// <summary>Box side of the largest face as a fraction of the shorter side.</summary>
    public double PrimaryFraction => Primary is null || ShortSide == 0 ? 0 : Primary.Size / ShortSide;

    /// <summary>JSON-friendly summary of the largest face for the evidence.</summary>
    public object? Describe() => Primary is null ? null : new Dictionary<string, object?>
    {
        ["box"] = new[] { Math.Round(Primary.Box.Left), Math.Round(Primary.Box.Top), Math.Round(Primary.Box.Width), Math.Round(Primary.Box.Height) },
        ["detector_score"] = Math.Round(Primary.Box.Score, 4),
        ["size_px"] = Math.Round(Primary.Size),
        ["yaw"] = Math.Round(Primary.Yaw, 3),
        ["roll_degrees"] = Math.Round(Primary.RollDegrees, 1),
        ["turned_degrees"] = QuarterTurns * 90,
        ["embedding_norm"] = Math.Round(Primary.EmbeddingNorm, 2),
        ["sharpness"] = Math.Round(Primary.Sharpness, 1),
        ["eyes_open"] = Primary.EyesOpen is { } e ? new[] { Math.Round(e.Left, 4), Math.Round(e.Right, 4) } : null,
        ["live_probability"] = Primary.LiveProbability is { } p ? Math.Round(p, 4) : null,
    };
}
