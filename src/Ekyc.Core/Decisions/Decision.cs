using Ekyc.Core.Sessions;

namespace Ekyc.Core.Decisions;

/// <summary>
/// The policy's verdict: <see cref="Status"/> is approved, rejected or manual_review; <see cref="Rule"/> names
/// the rule that fired and <see cref="Checks"/> the checks that made it fire.
/// </summary>
public sealed record Decision(SessionStatus Status, double Confidence, string Rule, IReadOnlyList<string> Checks, DecisionThresholds Thresholds);
