using System.Globalization;

namespace Ekyc.Server.Webhooks;

/// <summary>The retry delays and how the next attempt time is chosen (schedule, jitter, <c>Retry-After</c>).</summary>
public static class RetrySchedule
{
    public static IReadOnlyList<TimeSpan> Parse(string text) =>
        TryParse(text, out var delays, out var error) ? delays : throw new FormatException(error);

    public static bool TryParse(string? text, out IReadOnlyList<TimeSpan> delays, out string error)
    {
        var list = new List<TimeSpan>();
        delays = list;
        error = "";
        foreach (var item in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParseDelay(item, out var delay) || delay < TimeSpan.Zero || delay > TimeSpan.FromDays(7))
            {
                error = $"'{item}' is not a delay between 0 and 7 days (use 500ms, 5s, 5m, 2h, 1d or hh:mm:ss).";
                return false;
            }
            list.Add(delay);
        }
        if (list.Count is 0 or > 50)
        {
            error = "give between 1 and 50 comma-separated delays.";
            return false;
        }
        return true;
    }

    private static bool TryParseDelay(string item, out TimeSpan delay)
    {
        if (item.Contains(':'))
            return TimeSpan.TryParse(item, CultureInfo.InvariantCulture, out delay);
        var (digits, unit) = item.EndsWith("ms", StringComparison.Ordinal) ? (item[..^2], TimeSpan.FromMilliseconds(1))
            : item.Length > 1 ? (item[..^1], item[^1] switch
            {
                's' => TimeSpan.FromSeconds(1),
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                _ => TimeSpan.Zero,
            }) : ("", TimeSpan.Zero);
        delay = TimeSpan.Zero;
        if (unit == TimeSpan.Zero || !double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var count))
            return false;
        delay = unit * count;
        return true;
    }

    /// <summary>
    /// When to try again after <paramref name="attemptsMade"/> failed attempts, or null when the schedule is
    /// exhausted. A <c>Retry-After</c> pushes the attempt later, never earlier than the schedule.
    /// </summary>
    public static DateTimeOffset? NextAttempt(IReadOnlyList<TimeSpan> schedule, int attemptsMade, DateTimeOffset now,
        double jitter, TimeSpan? retryAfter, TimeSpan maxRetryAfter, Random random)
    {
        if (attemptsMade < 1 || attemptsMade > schedule.Count)
            return null;
        var delay = schedule[attemptsMade - 1] * (1 + jitter * (2 * random.NextDouble() - 1));
        if (retryAfter is { } asked)
            delay = TimeSpan.FromTicks(Math.Max(delay.Ticks, Math.Min(asked.Ticks, maxRetryAfter.Ticks)));
        return now + delay;
    }
}
