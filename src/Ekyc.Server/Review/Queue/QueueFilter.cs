namespace Ekyc.Server.Review.Queue;

/// <summary>
/// What the reviewer narrowed the queue to: a check that failed or is unsure, the decision rule, a reference prefix,
/// the day range the session entered the queue, and the keyset position (<see cref="After"/>) of the page.
/// </summary>
public sealed record QueueFilter(string? Check, string? Rule, string? Reference, DateOnly? From, DateOnly? To, string? After)
{
    public const int PageSize = 50;
}
