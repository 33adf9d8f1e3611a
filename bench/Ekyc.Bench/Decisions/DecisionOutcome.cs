using Ekyc.Synthetic.Decisions;

namespace Ekyc.Bench.Decisions;

/// <summary>What the server decided for one labelled case, with every requested check that did not pass.</summary>
/// <param name="Scores">Each requested check's headline score (similarity, liveness probability…), when it has one.</param>
/// <param name="SubmitToDecisionMs">As a client polling every 10 ms sees it.</param>
public sealed record DecisionOutcome(DecisionLabel Label, string Status, string Rule, IReadOnlyList<CheckFinding> Findings,
    IReadOnlyDictionary<string, double> Scores, double SubmitToDecisionMs)
{
    /// <summary>A genuine customer whose pose the page's check never saw at some step, who sent a still selfie instead.</summary>
    public bool ChallengeSkipped { get; init; }

    /// <summary>
    /// A fraud rejected, or sent to review where review is acceptable for its class, with the evidence that should
    /// catch it among the reasons (<see cref="DecisionClasses.Evidence"/>): a rejection for an unrelated doubt did not catch it.
    /// </summary>
    public bool Caught => (Status == "rejected" || (Status == "manual_review" && Label.ReviewAcceptable)) &&
        Label.Class.Evidence() is { } evidence &&
        Findings.Any(f => f.Check == evidence.Check && f.Status is "fail" or "review" or "hit" && (evidence.Reasons.Count == 0 || f.Reasons.Intersect(evidence.Reasons).Any()));
}
