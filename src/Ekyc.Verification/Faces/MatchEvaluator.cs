using Ekyc.Core.Checks;

namespace Ekyc.Verification.Faces;

/// <summary>
/// Turns the document and selfie observations into <c>face_match</c>: cosine similarity against two
/// thresholds, with quality gates that send a doubtful comparison to review instead of a wrong answer.
/// </summary>
internal static class MatchEvaluator
{
    /// <summary>Similarity distance from a threshold at which confidence reaches 1.</summary>
    private const double ConfidenceMargin = 0.25;

    /// <summary>
    /// Confidence of a match just at the pass threshold. The doubt band is below it (fail threshold to pass threshold:
    /// review); at the threshold itself no impostor pair of the calibration reached it (0 of 1,281, the highest 0.40;
    /// FAR ≲ 0.2 % at 95 %), so a pass there is not a coin toss: 0.5, as first set, sent every genuine pair under 0.60
    /// (about one in ten) to a human through the decision's confidence floor.
    /// </summary>
    private const double PassFloor = 0.9;

    public static CheckResult Evaluate(ImageObservation document, ImageObservation selfie, FaceOptions options, IReadOnlyList<StageTiming> timings)
    {
        var evidence = new Dictionary<string, object?>
        {
            ["pass_threshold"] = options.MatchPassThreshold,
            ["fail_threshold"] = options.MatchFailThreshold,
            ["document_faces"] = document.Faces.Count,
            ["selfie_faces"] = selfie.Faces.Count,
            ["document_face"] = document.Describe(),
            ["selfie_face"] = selfie.Describe(),
        };
        CheckResult Result(CheckStatus status, double? score, double confidence, IEnumerable<string> reasons) => new()
        {
            Name = CheckNames.FaceMatch,
            Status = status,
            Score = score,
            Threshold = options.MatchPassThreshold,
            Confidence = Math.Round(confidence, 4),
            ReasonCodes = reasons.Distinct().ToList(),
            Evidence = evidence,
            Version = FaceAnalyzer.Version,
            Timings = timings,
        };

        var missing = new List<string>();
        if (document.Error is { } documentError)
            missing.Add(FaceReasons.Image("document", documentError));
        else if (document.Primary is null)
            missing.Add(FaceReasons.DocumentFaceNotFound);
        if (selfie.Error is { } selfieError)
            missing.Add(FaceReasons.Image("selfie", selfieError));
        else if (selfie.Primary is null)
            missing.Add(FaceReasons.SelfieFaceNotFound);
        if (missing.Count > 0)
            return Result(CheckStatus.Review, null, 0.5, missing);

        var similarity = Math.Round(FaceAnalyzer.Similarity(document.Primary!, selfie.Primary!), 4);
        evidence["similarity"] = similarity;
        var gates = Gates(document.Primary!, selfie, options);
        evidence["quality_gates"] = gates;
        var gateReasons = gates.Where(g => !g.Passed).Select(g => g.Name).ToList();
        if (gateReasons.Count > 0)
        {
            if (!(similarity >= options.MatchPassThreshold && PortraitGoodEnoughToPass(document.Primary!, gateReasons, options)))
                return Result(CheckStatus.Review, similarity, 0.5, gateReasons);
            evidence["passed_under_gates"] = gateReasons;
        }

        if (similarity >= options.MatchPassThreshold)
            return Result(CheckStatus.Pass, similarity, PassFloor + (1 - PassFloor) * Ramp(similarity - options.MatchPassThreshold), [FaceReasons.Match]);
        if (similarity < options.MatchFailThreshold)
            return Result(CheckStatus.Fail, similarity, 0.5 + 0.5 * Ramp(options.MatchFailThreshold - similarity), [FaceReasons.NoMatch]);
        return Result(CheckStatus.Review, similarity, 0.5, [FaceReasons.SimilarityUncertain]);
    }

    /// <summary>
    /// The only gates failed are the document portrait's size and sharpness, and it clears the lower bars of a pass:
    /// a small or blurred portrait lowers the similarity of the same person (a fail there could be the picture's), not
    /// an impostor's (see <see cref="FaceOptions.MinDocumentFaceSizeForPass"/>), so a match at the pass threshold stands.
    /// </summary>
    private static bool PortraitGoodEnoughToPass(FaceAnalysis document, List<string> failedGates, FaceOptions options) =>
        failedGates.All(g => g is FaceReasons.DocumentFaceTooSmall or FaceReasons.DocumentFaceBlurry)
        && document.Size >= options.MinDocumentFaceSizeForPass && document.Sharpness >= options.MinDocumentSharpnessForPass;

    /// <summary>Each gate is named by the reason code it raises when it fails.</summary>
    private static List<FaceSignal> Gates(FaceAnalysis document, ImageObservation selfie, FaceOptions options) =>
    [
        FaceSignal.AtLeast(FaceReasons.DocumentFaceTooSmall, document.Size, options.MinDocumentFaceSize),
        FaceSignal.AtMost(FaceReasons.DocumentPoseProfile, Math.Abs(document.Yaw), options.MaxYaw),
        FaceSignal.AtLeast(FaceReasons.DocumentFaceBlurry, document.Sharpness, options.MinSharpness),
        FaceSignal.AtMost(FaceReasons.SelfieMultipleFaces, selfie.Faces.Count, 1),
        FaceSignal.AtLeast(FaceReasons.SelfieFaceTooSmall, selfie.Primary!.Size, options.MinSelfieFaceSize),
        FaceSignal.AtMost(FaceReasons.SelfiePoseProfile, Math.Abs(selfie.Primary.Yaw), options.MaxYaw),
        FaceSignal.AtLeast(FaceReasons.SelfieFaceBlurry, selfie.Primary.Sharpness, options.MinSharpness),
    ];

    /// <summary>0 at the threshold, 1 at <see cref="ConfidenceMargin"/> beyond it.</summary>
    private static double Ramp(double distance) => Math.Min(1, Math.Max(0, distance) / ConfidenceMargin);
}
