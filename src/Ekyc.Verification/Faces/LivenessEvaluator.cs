using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Documents.Forensics;
using Ekyc.Verification.Faces.Active;

namespace Ekyc.Verification.Faces;

/// <summary>
/// Turns the selfie (and any further frames) into <c>face_liveness</c>. Passive signals: exactly one face,
/// its size and position, sharpness, frontal pose, open eyes, the anti-spoof score, a screen's grid (strong, or faint in
/// several tiles), the face's black level and its contrast (a print keeps no deep darks, a print or a veiled screen
/// no dark far below its white: <see cref="FaceTone"/>). Active signals, when
/// several frames came: a blink or a head turn by the same person.
/// </summary>
internal static class LivenessEvaluator
{
    /// <summary>The face centre must lie in this central fraction of the frame, each way.</summary>
    private const double CentralZone = 0.6;
    /// <summary>How much of the face box may fall outside the picture.</summary>
    private const double MaxCut = 0.1;
    private const double ChallengeConfidence = 0.95;
    private static readonly HashSet<string> QualityReasons =
        [FaceReasons.FaceTooSmall, FaceReasons.FaceTooFar, FaceReasons.FaceBlurry, FaceReasons.PoseProfile, FaceReasons.FaceCutOff];

    /// <param name="portraitSimilarity">The highest similarity of a frame's face to the document's portrait, where a document was given.</param>
    public static CheckResult Evaluate(IReadOnlyList<ImageObservation> frames, ActiveChallenge? challenge, ScreenRecapture? screen,
        FaceOptions options, IReadOnlyList<StageTiming> timings, double? portraitSimilarity = null)
    {
        var selfie = frames[0];
        var evidence = new Dictionary<string, object?>
        {
            ["frames"] = frames.Count,
            ["faces"] = selfie.Faces.Count,
            ["face"] = selfie.Describe(),
            ["mode"] = challenge is not null ? "challenge" : frames.Count > 1 ? "active" : "passive",
        };
        CheckResult Result(CheckStatus status, double? score, double confidence, IEnumerable<string> reasons) => new()
        {
            Name = CheckNames.FaceLiveness,
            Status = status,
            Score = score is { } s ? Math.Round(s, 4) : null,
            Threshold = options.LivenessThreshold,
            Confidence = Math.Round(confidence, 4),
            ReasonCodes = reasons.Distinct().ToList(),
            Evidence = evidence,
            Version = FaceAnalyzer.Version,
            Timings = timings,
        };

        if (selfie.Error is { } error)
            return Result(CheckStatus.Fail, null, 0.95, [FaceReasons.Image("selfie", error)]);
        if (selfie.Primary is null)
            return Result(CheckStatus.Fail, null, 0.95, [FaceReasons.NoFace]);
        if (selfie.Faces.Count > 1)
            return Result(CheckStatus.Fail, null, 0.9, [FaceReasons.MultipleFaces]);

        var face = selfie.Primary;
        var live = MedianLive(frames);
        var signals = PassiveSignals(selfie, face, live, screen, frames, options, portraitSimilarity);
        evidence["signals"] = signals;
        if (screen is not null)
            evidence["screen_recapture"] = new Dictionary<string, object?>
            {
                ["luma_peak_db"] = Math.Round(screen.Luma.Decibels, 1), ["luma_tiles"] = screen.LumaTiles,
                ["chroma_peak_db"] = Math.Round(screen.Chroma.Decibels, 1), ["chroma_tiles"] = screen.ChromaTiles, ["tiles"] = screen.Tiles,
            };
        var failing = signals.Where(s => !s.Passed).Select(s => s.Name).ToList();
        var screenSeen = failing.Contains(FaceReasons.ScreenRecaptureSuspected);
        var spoofLikely = live < options.LivenessFailThreshold;
        // A picture already on the document is no capture of a person, whatever the frames show: it is not judged further.
        if (failing.Contains(FaceReasons.SelfieIsDocumentPortrait))
            return Result(CheckStatus.Fail, live, 0.9, [FaceReasons.SelfieIsDocumentPortrait]);

        if (challenge is not null)
            return WithChallenge(challenge, frames, options, evidence, live, spoofLikely || screenSeen, failing, Result);

        if (frames.Count > 1)
        {
            // Frames without a challenge are replayable (any recording shows a blink), so they only add a consistency check.
            var active = ActiveSignals(frames, options);
            evidence["active_signals"] = active;
            var byName = active.ToDictionary(s => s.Name);
            if (!byName[FaceReasons.FrameFaceMissing].Passed)
                failing.Add(FaceReasons.FrameFaceMissing);
            else if (!byName[FaceReasons.FramesDifferentPerson].Passed)
                return Result(CheckStatus.Fail, live, 0.9, [FaceReasons.FramesDifferentPerson, .. failing]);
            else if (!byName[FaceReasons.FramesIdentityUncertain].Passed)
                failing.Add(FaceReasons.FramesIdentityUncertain);
        }

        // The anti-spoof score and the screen grid are only trusted for a verdict on a face big, sharp and frontal enough to judge.
        var judgeable = !failing.Any(QualityReasons.Contains);
        if (spoofLikely || screenSeen)
        {
            var reasons = new List<string> { FaceReasons.SpoofSuspected };
            return judgeable ? Result(CheckStatus.Fail, live, 0.8, [.. reasons, .. failing]) : Result(CheckStatus.Review, live, 0.5, [.. reasons, .. failing]);
        }
        if (failing.Count > 0)
            return Result(CheckStatus.Review, live, 0.5, failing);

        // Just over the threshold, replays whose grid stays under the faint bar score like live faces: a human decides.
        if (live < options.PassiveMarginalLive)
            return Result(CheckStatus.Review, live, 0.5, [FaceReasons.SpoofScoreMarginal]);
        // The passive model alone misses good replays, so its pass is capped; only a challenge lifts the cap.
        var margin = Math.Clamp((live - options.LivenessThreshold) / (1 - options.LivenessThreshold), 0, 1);
        var confidence = options.PassiveConfidenceFloor + (options.PassiveConfidenceCap - options.PassiveConfidenceFloor) * margin;
        return Result(CheckStatus.Pass, live, confidence, [FaceReasons.Live]);
    }

    /// <summary>
    /// A shown challenge is the strong evidence: it passes even when the passive model is unsure, but never against a
    /// confident spoof score or a screen's grid (a live person on a screen, relayed in real time).
    /// </summary>
    private static CheckResult WithChallenge(ActiveChallenge challenge, IReadOnlyList<ImageObservation> frames, FaceOptions options,
        Dictionary<string, object?> evidence, double live, bool passiveSpoof, List<string> failing,
        Func<CheckStatus, double?, double, IEnumerable<string>, CheckResult> result)
    {
        var limits = ChallengeThresholds.From(options);
        var faces = frames.Select(f => f.Faces.Count == 1 ? f.Primary : null).ToList();
        var outcome = ChallengeEvaluator.Evaluate(challenge, faces, limits);
        evidence["challenge"] = outcome.Describe(limits);
        if (outcome.Failure is { } failure)
            return outcome.Fatal ? result(CheckStatus.Fail, live, 0.9, [failure]) : result(CheckStatus.Review, live, 0.5, [failure, .. failing]);
        if (passiveSpoof)
            return result(CheckStatus.Review, live, 0.5, [FaceReasons.ActiveChallengePassed, FaceReasons.SpoofSuspected, .. failing]);
        // On a small or blurred face the landmarks jitter by a good share of the eye distance, which reads as parallax.
        if (failing.Any(QualityReasons.Contains))
            return result(CheckStatus.Review, live, 0.5, [FaceReasons.ActiveChallengePassed, .. failing.Where(QualityReasons.Contains)]);
        return result(CheckStatus.Pass, live, ChallengeConfidence, [FaceReasons.Live, FaceReasons.ActiveChallengePassed]);
    }

    /// <summary>Each signal is named by the reason code it raises when it fails.</summary>
    private static List<FaceSignal> PassiveSignals(ImageObservation selfie, FaceAnalysis face, double live, ScreenRecapture? screen,
        IReadOnlyList<ImageObservation> frames, FaceOptions options, double? portraitSimilarity)
    {
        var box = face.Box;
        var offCentre = Math.Max(Math.Abs(box.CenterX / selfie.Width - 0.5), Math.Abs(box.CenterY / selfie.Height - 0.5));
        // A square box is cut by the image border when it is no longer square.
        var cut = Math.Abs(box.Width - box.Height) / Math.Max(box.Width, box.Height);
        var eyes = frames.Where(f => f.Primary?.EyesOpen is not null).Max(f => Math.Min(f.Primary!.EyesOpen!.Value.Left, f.Primary.EyesOpen.Value.Right));
        // The document thresholds hold for a face too: no genuine frame of the liveness set reached them (README).
        var grid = screen is not null && screen.Suspected(new DocumentOptions()) ? 1 : 0;
        return
        [
            FaceSignal.AtLeast(FaceReasons.FaceTooSmall, face.Size, options.MinSelfieFaceSize),
            FaceSignal.AtLeast(FaceReasons.FaceTooFar, selfie.PrimaryFraction, options.MinSelfieFaceFraction),
            FaceSignal.AtMost(FaceReasons.FaceOffCentre, offCentre, CentralZone / 2),
            FaceSignal.AtMost(FaceReasons.FaceCutOff, cut, MaxCut),
            FaceSignal.AtLeast(FaceReasons.FaceBlurry, face.Sharpness, options.MinSharpness),
            FaceSignal.AtMost(FaceReasons.PoseProfile, Math.Abs(face.Yaw), options.MaxYaw),
            FaceSignal.AtLeast(FaceReasons.EyesClosed, eyes, options.EyesOpenThreshold),
            FaceSignal.AtLeast(FaceReasons.SpoofScoreLow, live, options.LivenessThreshold),
            FaceSignal.AtMost(FaceReasons.ScreenRecaptureSuspected, grid, 0),
            .. screen is not null
                ? [FaceSignal.AtMost(FaceReasons.ScreenGridFaint, screen.LumaPeakDecibels(options.FaintScreenGridMinTiles), options.FaintScreenGridDb)]
                : Array.Empty<FaceSignal>(),
            .. selfie.Tone is { } tone
                ? [FaceSignal.AtMost(FaceReasons.PrintSuspected, tone.Black, options.MaxFaceBlackLevel),
                   FaceSignal.AtLeast(FaceReasons.FaceContrastLow, tone.Contrast, options.MinFaceContrast)]
                : Array.Empty<FaceSignal>(),
            .. portraitSimilarity is { } similarity
                ? [FaceSignal.AtMost(FaceReasons.SelfieIsDocumentPortrait, similarity, options.MaxPortraitSimilarity)]
                : Array.Empty<FaceSignal>(),
        ];
    }

    private static List<FaceSignal> ActiveSignals(IReadOnlyList<ImageObservation> frames, FaceOptions options)
    {
        var faces = frames.Where(f => f.Primary is not null).Select(f => f.Primary!).ToList();
        var singleFace = frames.Count(f => f.Faces.Count == 1);
        var eyes = faces.Where(f => f.EyesOpen is not null).Select(f => (double)Math.Min(f.EyesOpen!.Value.Left, f.EyesOpen.Value.Right)).ToList();
        // A blink is a frame with both eyes closed between frames with them open; any frame order counts.
        var closedDepth = eyes.Count > 0 ? 1 - eyes.Min() : 0;
        var openPeak = eyes.Count > 0 ? eyes.Max() : 0;
        var yawRange = faces.Count > 0 ? faces.Max(f => f.Yaw) - faces.Min(f => f.Yaw) : 0;
        var sameness = faces.Count > 1 ? faces.Skip(1).Min(f => FaceAnalyzer.Similarity(faces[0], f)) : 1;
        return
        [
            FaceSignal.AtLeast(FaceReasons.FrameFaceMissing, singleFace, frames.Count),
            // The face match's bounds: another person only under its fail threshold, the band up to its pass threshold
            // reviewed (the same person's photos compared down to 0.44, someone else's up to 0.40; README, Calibration).
            FaceSignal.AtLeast(FaceReasons.FramesDifferentPerson, sameness, options.MatchFailThreshold),
            FaceSignal.AtLeast(FaceReasons.FramesIdentityUncertain, sameness, options.MatchPassThreshold),
            FaceSignal.AtLeast("blink", Math.Min(closedDepth, openPeak), options.EyesOpenThreshold),
            FaceSignal.AtLeast("head_turn", yawRange, options.HeadTurnYaw),
        ];
    }

    /// <summary>Median anti-spoof p(live) over the frames with a face: one odd frame should not decide.</summary>
    private static double MedianLive(IReadOnlyList<ImageObservation> frames)
    {
        var scores = frames.Where(f => f.Primary?.LiveProbability is not null).Select(f => (double)f.Primary!.LiveProbability!.Value).Order().ToList();
        return scores.Count == 0 ? 0 : scores.Count % 2 == 1 ? scores[scores.Count / 2] : (scores[scores.Count / 2 - 1] + scores[scores.Count / 2]) / 2;
    }
}
