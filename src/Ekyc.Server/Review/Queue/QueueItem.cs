namespace Ekyc.Server.Review.Queue;

/// <summary>One session waiting for a human: why (the rule and the checks that fired it, with their statuses), since when, and who works it.</summary>
public sealed record QueueItem(
    string SessionId, string? Reference, string Rule, IReadOnlyList<string> Checks, IReadOnlyDictionary<string, string> CheckStatuses,
    DateTimeOffset QueuedAt, DateTimeOffset CreatedAt, ReviewClaim? Claim);

/// <summary>A page of the queue with its counts: the whole queue, what the filter leaves, and the queue by rule and by check.</summary>
public sealed record QueuePage(
    IReadOnlyList<QueueItem> Items, long Total, long Matching, IReadOnlyDictionary<string, long> ByRule, IReadOnlyDictionary<string, long> ByCheck,
    string? NextAfter);
