namespace Ekyc.Core.Decisions;

/// <summary>The policy's knobs (configuration <c>Ekyc:Decision</c>), reported with every decision.</summary>
public sealed record DecisionThresholds
{
    /// <summary>Below this combined confidence an all-pass session goes to manual review.</summary>
    public double MinApproveConfidence { get; init; } = 0.80;
    /// <summary>A PEP is not a reason to refuse a customer, but needs enhanced due diligence by a human.</summary>
    public bool PepHitNeedsReview { get; init; } = true;
}
