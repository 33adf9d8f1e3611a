using Ekyc.Synthetic.Decisions;

namespace Ekyc.Bench.Decisions;

/// <summary>Prints a pass's outcomes as Markdown: the confusion table per class, a genuine breakdown by capture, the rates and latency.</summary>
public static class DecisionTables
{
    public static void Print(string title, IReadOnlyList<DecisionOutcome> outcomes)
    {
        Console.WriteLine($"\n### {title}\n");
        Console.WriteLine("| class | n | approved | manual_review | rejected | expected | as expected¹ | checks not passed (sessions) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var group in outcomes.GroupBy(o => o.Label.Class).OrderBy(g => g.Key))
        {
            var n = group.Count();
            var ok = group.Count(o => o.Label.Class.IsGenuine() ? o.Status == "approved" : o.Caught);
            var expected = group.Key.Expected() + (group.Key.ReviewAcceptable() ? " (review accepted)" : "");
            Console.WriteLine($"| {group.Key.ToWire()} | {n} | {Count(group, "approved")} | {Count(group, "manual_review")} | {Count(group, "rejected")} | {expected} | {ok}/{n} | {Findings(group)} |");
        }

        Console.WriteLine("\n¹ genuine: approved; fraud: rejected (or reviewed where accepted) with the check that should catch it among the reasons.");
        Console.WriteLine("\n| genuine (challenge), by capture | passport approved | id_card approved |");
        Console.WriteLine("|---|---|---|");
        var genuine = outcomes.Where(o => o.Label.Class.AnswersChallenge()).ToList();
        foreach (var capture in outcomes.Select(o => o.Label.Capture).Distinct().Order())
            Console.WriteLine($"| {capture.ToWire()} | {Share(genuine, capture, "passport")} | {Share(genuine, capture, "id_card")} |");

        var fraud = outcomes.Where(o => !o.Label.Class.IsGenuine()).ToList();
        var approved = genuine.Count(o => o.Status == "approved");
        var passive = outcomes.Where(o => o.Label.Class == DecisionClass.GenuinePassiveSelfie).ToList();
        Console.WriteLine($"\ngenuine auto-approval (liveness challenge answered): {approved}/{genuine.Count} ({(double)approved / Math.Max(1, genuine.Count):P0}); " +
            $"passive-only selfie: {passive.Count(o => o.Status == "approved")}/{passive.Count}; " +
            $"fraud approved: {fraud.Count(o => o.Status == "approved")} of {fraud.Count}; " +
            $"fraud caught by its evidence: {fraud.Count(o => o.Caught)}/{fraud.Count} (rejected for any reason: {fraud.Count(o => o.Status == "rejected")})");
        Console.WriteLine($"challenge skipped for a still selfie (the pose check never saw a step in {DecisionClient.AttemptsPerStep} tries): {genuine.Count(o => o.ChallengeSkipped)}/{genuine.Count}" +
            string.Concat(genuine.Where(o => o.ChallengeSkipped).Select(o => $"; {o.Label.Id} {o.Label.SelfiePhoto} {o.Status}")));
        // Each genuine customer held, with the selfie photo and the reasons: the classes to work on, without --out.
        var held = outcomes.Where(o => o.Label.Class.IsGenuine() && o.Status != "approved").ToList();
        Console.WriteLine($"genuine not approved: {held.Count}" + string.Concat(held.Select(o =>
            $"; {o.Label.Id} selfie {Path.GetFileName(o.Label.SelfiePhoto)}{(o.ChallengeSkipped ? " (challenge skipped)" : "")} {o.Status}: {string.Join(' ', o.Findings)}")));
        foreach (var check in new[] { "face_match", "face_liveness" })
            Console.WriteLine($"{check} score, median (min–max) per class: " + string.Join("; ", outcomes.GroupBy(o => o.Label.Class).OrderBy(g => g.Key)
                .Select(g => (g.Key, Values: g.Where(o => o.Scores.ContainsKey(check)).Select(o => o.Scores[check]).Order().ToArray()))
                .Where(g => g.Values.Length > 0)
                .Select(g => $"{g.Key.ToWire()} {Percentile(g.Values, 0.5):F2} ({g.Values[0]:F2}–{g.Values[^1]:F2})")));
        var latencies = outcomes.Select(o => o.SubmitToDecisionMs).Order().ToArray();
        Console.WriteLine($"submit -> decision: median {Percentile(latencies, 0.5):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms over {latencies.Length} sessions");
    }

    private static int Count(IEnumerable<DecisionOutcome> outcomes, string status) => outcomes.Count(o => o.Status == status);

    /// <summary>Each finding with the number of sessions that had it, most frequent first; the decision rule of the non-approved too.</summary>
    private static string Findings(IEnumerable<DecisionOutcome> outcomes)
    {
        var counts = outcomes.SelectMany(o => o.Findings.Select(f => f.ToString()).Concat(o.Status == "approved" ? [] : [$"rule {o.Rule}"]))
            .GroupBy(f => f).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal);
        return string.Join("; ", counts.Select(g => $"{g.Key} {g.Count()}"));
    }

    private static string Share(List<DecisionOutcome> genuine, CaptureCondition capture, string type)
    {
        var cell = genuine.Where(o => o.Label.Capture == capture && o.Label.DocumentType == type).ToList();
        return cell.Count == 0 ? "—" : $"{cell.Count(o => o.Status == "approved")}/{cell.Count}";
    }

    private static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
}
