using Ekyc.Core.Checks;
using Ekyc.Core.Decisions;
using Ekyc.Core.Sessions;

namespace Ekyc.Core.Tests.Decisions;

public class DecisionPolicyTests
{
    private static readonly DecisionThresholds Thresholds = new();

    private static CheckResult Check(string name, CheckStatus status, double confidence = 0.95) =>
        new() { Name = name, Status = status, Confidence = confidence };

    private static List<CheckResult> AllGood() =>
    [
        Check(CheckNames.DocumentAuthenticity, CheckStatus.Pass),
        Check(CheckNames.FaceMatch, CheckStatus.Pass),
        Check(CheckNames.FaceLiveness, CheckStatus.Pass, 0.9),
        Check(CheckNames.SanctionsScreening, CheckStatus.Clear),
        Check(CheckNames.PepScreening, CheckStatus.Clear),
    ];

    private static List<CheckResult> With(string name, CheckStatus status) =>
        AllGood().Select(c => c.Name == name ? c with { Status = status } : c).ToList();

    [Fact]
    public void All_checks_passing_approves_with_the_weakest_confidence()
    {
        var decision = DecisionPolicy.Decide(CheckNames.All, AllGood(), Thresholds);
        Assert.Equal(SessionStatus.Approved, decision.Status);
        Assert.Equal(0.9, decision.Confidence);
        Assert.Equal(DecisionPolicy.Rules.AllChecksPassed, decision.Rule);
    }

    [Fact]
    public void A_sanctions_hit_rejects() =>
        Assert.Equal(DecisionPolicy.Rules.SanctionsHit, DecisionPolicy.Decide(CheckNames.All, With(CheckNames.SanctionsScreening, CheckStatus.Hit), Thresholds).Rule);

    [Fact]
    public void A_failed_check_rejects()
    {
        var decision = DecisionPolicy.Decide(CheckNames.All, With(CheckNames.FaceMatch, CheckStatus.Fail), Thresholds);
        Assert.Equal(SessionStatus.Rejected, decision.Status);
        Assert.Equal([CheckNames.FaceMatch], decision.Checks);
    }

    [Fact]
    public void A_pep_hit_goes_to_a_human() =>
        Assert.Equal(SessionStatus.ManualReview, DecisionPolicy.Decide(CheckNames.All, With(CheckNames.PepScreening, CheckStatus.Hit), Thresholds).Status);

    [Fact]
    public void Missing_evidence_never_approves()
    {
        var results = AllGood().Where(c => c.Name != CheckNames.FaceLiveness)
            .Append(CheckResult.NotRun(CheckNames.FaceLiveness, CommonReasons.EngineUnavailable)).ToList();
        var decision = DecisionPolicy.Decide(CheckNames.All, results, Thresholds);
        Assert.Equal(SessionStatus.ManualReview, decision.Status);
        Assert.Equal(DecisionPolicy.Rules.MissingEvidence, decision.Rule);

        var absent = DecisionPolicy.Decide(CheckNames.All, AllGood().Take(4).ToList(), Thresholds);
        Assert.Equal(DecisionPolicy.Rules.MissingEvidence, absent.Rule);
    }

    [Fact]
    public void A_check_in_review_goes_to_a_human() =>
        Assert.Equal(DecisionPolicy.Rules.CheckNeedsReview, DecisionPolicy.Decide(CheckNames.All, With(CheckNames.DocumentAuthenticity, CheckStatus.Review), Thresholds).Rule);

    [Fact]
    public void Low_confidence_goes_to_a_human()
    {
        var results = AllGood().Select(c => c with { Confidence = 0.5 }).ToList();
        Assert.Equal(DecisionPolicy.Rules.LowConfidence, DecisionPolicy.Decide(CheckNames.All, results, Thresholds).Rule);
    }

    [Fact]
    public void Checks_not_requested_are_ignored()
    {
        var requested = new[] { CheckNames.DocumentAuthenticity };
        var results = With(CheckNames.FaceMatch, CheckStatus.Fail);
        Assert.Equal(SessionStatus.Approved, DecisionPolicy.Decide(requested, results, Thresholds).Status);
    }
}
