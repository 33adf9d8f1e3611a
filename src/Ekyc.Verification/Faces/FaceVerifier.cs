using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Verification.Models;

namespace Ekyc.Verification.Faces;

/// <summary>
/// The face engine: compares the largest face of the document front with the selfie (<c>face_match</c>) and
/// judges whether the selfie shows a live person (<c>face_liveness</c>), actively when several frames come.
/// Bad input (no face, several faces, unreadable or huge images) gives <c>fail</c> or <c>review</c> with a
/// reason code, never an exception; only cancellation propagates.
/// </summary>
public sealed class FaceVerifier : IFaceVerifier, IDisposable
{
    private readonly FaceAnalyzer _analyzer;
    private readonly FaceOptions _options;

    public FaceVerifier(ModelStore models, FaceOptions options)
    {
        _options = options;
        _analyzer = new FaceAnalyzer(models, options);
    }

    public FaceVerification Verify(byte[] documentFront, IReadOnlyList<byte[]> selfieFrames, CancellationToken cancellationToken) =>
        Verify(documentFront, selfieFrames, null, cancellationToken);

    /// <summary>Bad images give results with reasons; an engine failure throws and cancellation is honoured.</summary>
    public FaceVerification Verify(byte[] documentFront, IReadOnlyList<byte[]> selfieFrames, ActiveChallenge? challenge, CancellationToken cancellationToken) =>
        Run(documentFront, selfieFrames, challenge, cancellationToken);

    /// <summary><c>face_liveness</c> alone, for benchmarks of the liveness decision.</summary>
    public CheckResult Liveness(IReadOnlyList<byte[]> selfieFrames, ActiveChallenge? challenge, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(selfieFrames.Count);
        var timer = new StageTimer("selfie_");
        var frames = ObserveSelfie(selfieFrames, timer, cancellationToken);
        return LivenessEvaluator.Evaluate(frames, challenge, frames[0].Screen, _options, timer.ToTimings());
    }

    private List<ImageObservation> ObserveSelfie(IReadOnlyList<byte[]> selfieFrames, StageTimer timer, CancellationToken cancellationToken)
    {
        var frames = new List<ImageObservation>();
        foreach (var frame in selfieFrames.Take(_options.MaxFrames))
        {
            // The first frame finds which way up the capture is; a camera does not turn between frames of one capture.
            frames.Add(ImageObservation.Observe(_analyzer, frame, _options, timer, eyes: true, liveness: true,
                screen: frames.Count == 0 && _options.CheckScreenRecapture, tone: frames.Count == 0,
                quarterTurns: frames.Count == 0 ? null : frames[0].QuarterTurns));
            cancellationToken.ThrowIfCancellationRequested();
        }
        return frames;
    }

    private FaceVerification Run(byte[] documentFront, IReadOnlyList<byte[]> selfieFrames, ActiveChallenge? challenge, CancellationToken cancellationToken)
    {
        if (selfieFrames.Count == 0)
        {
            return new FaceVerification(
                CheckResult.NotRun(CheckNames.FaceMatch, CommonReasons.MissingInput),
                CheckResult.NotRun(CheckNames.FaceLiveness, CommonReasons.MissingInput));
        }
        var documentTimer = new StageTimer("document_");
        var document = ImageObservation.Observe(_analyzer, documentFront, _options, documentTimer, eyes: false, liveness: false, quarterTurns: null);
        cancellationToken.ThrowIfCancellationRequested();

        var selfieTimer = new StageTimer("selfie_");
        var frames = ObserveSelfie(selfieFrames, selfieTimer, cancellationToken);
        var match = MatchEvaluator.Evaluate(document, frames[0], _options, [.. documentTimer.ToTimings(), .. selfieTimer.ToTimings()]);
        var liveness = LivenessEvaluator.Evaluate(frames, challenge, frames[0].Screen, _options, selfieTimer.ToTimings(),
            PortraitSimilarity(document, frames));
        return new FaceVerification(match, liveness);
    }

    /// <summary>The highest similarity of a frame's largest face to the document's portrait; null without both faces.</summary>
    private static double? PortraitSimilarity(ImageObservation document, IReadOnlyList<ImageObservation> frames)
    {
        if (document.Primary is not { } portrait)
            return null;
        var similarities = frames.Where(f => f.Primary is not null).Select(f => FaceAnalyzer.Similarity(portrait, f.Primary!)).ToList();
        return similarities.Count == 0 ? null : similarities.Max();
    }

    public void Dispose() => _analyzer.Dispose();
}
