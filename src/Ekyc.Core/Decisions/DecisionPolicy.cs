using Ekyc.Core.Checks;
using Ekyc.Core.Sessions;

namespace Ekyc.Core.Decisions;

/// <summary>
/// Turns check outcomes into a decision. Order matters: hard failures reject; anything uncertain or
/// missing goes to a human; approval needs every requested check to pass with enough confidence.
/// The policy never approves on missing evidence.
/// </summary>
public static class DecisionPolicy
{
    public static class Rules
    {
        public const string SanctionsHit = "sanctions_hit";
        public const string CheckFailed = "check_failed";
        public const string PepHit = "pep_hit";
        public const string MissingEvidence = "missing_evidence";
        public const string CheckNeedsReview = "check_needs_review";
        public const string LowConfidence = "low_confidence";
        public const string NothingRequested = "nothing_requested";
        public const string AllChecksPassed = "all_checks_passed";
    }

    /// <param name="requested">The checks the session asked for; the others are ignored.</param>
    public static Decision Decide(IReadOnlyCollection<string> requested, IReadOnlyCollection<CheckResult> results, DecisionThresholds thresholds)
    {
        var relevant = results.Where(r => requested.Contains(r.Name)).ToList();
        var missing = requested.Where(name => relevant.All(r => r.Name != name)).ToList();

        Decision Make(SessionStatus status, double confidence, string rule, IEnumerable<string> checks) =>
            new(status, Math.Round(Math.Clamp(confidence, 0, 1), 4), rule, checks.ToList(), thresholds);

        var sanctions = relevant.Where(r => r.Name == CheckNames.SanctionsScreening && r.Status == CheckStatus.Hit).ToList();
        if (sanctions.Count > 0)
            return Make(SessionStatus.Rejected, MaxConfidence(sanctions), Rules.SanctionsHit, Names(sanctions));

        var failed = relevant.Where(r => r.Status == CheckStatus.Fail).ToList();
        if (failed.Count > 0)
            return Make(SessionStatus.Rejected, MaxConfidence(failed), Rules.CheckFailed, Names(failed));

        var pep = relevant.Where(r => r.Name == CheckNames.PepScreening && r.Status == CheckStatus.Hit).ToList();
        if (pep.Count > 0 && thresholds.PepHitNeedsReview)
            return Make(SessionStatus.ManualReview, MaxConfidence(pep), Rules.PepHit, Names(pep));

        var notRun = relevant.Where(r => r.Status == CheckStatus.NotRun).Select(r => r.Name).Concat(missing).ToList();
        if (notRun.Count > 0)
            return Make(SessionStatus.ManualReview, 0, Rules.MissingEvidence, notRun);

        var review = relevant.Where(r => r.Status == CheckStatus.Review).ToList();
        if (review.Count > 0)
            return Make(SessionStatus.ManualReview, 1 - MaxConfidence(review), Rules.CheckNeedsReview, Names(review));

        if (relevant.Count == 0)
            return Make(SessionStatus.ManualReview, 0, Rules.NothingRequested, []);

        // Approval is only as strong as its weakest check.
        var weakest = relevant.MinBy(r => r.Confidence ?? 0)!;
        var confidence = weakest.Confidence ?? 0;
        return confidence < thresholds.MinApproveConfidence
            ? Make(SessionStatus.ManualReview, confidence, Rules.LowConfidence, [weakest.Name])
            : Make(SessionStatus.Approved, confidence, Rules.AllChecksPassed, Names(relevant));
    }

    private static double MaxConfidence(IEnumerable<CheckResult> results) => results.Max(r => r.Confidence ?? 0.5);

    private static IEnumerable<string> Names(IEnumerable<CheckResult> results) => results.Select(r => r.Name);
}
