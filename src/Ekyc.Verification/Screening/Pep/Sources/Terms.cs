using System.Globalization;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Pep.Sources;

/// <summary>One term of office as a source lists it.</summary>
internal sealed record Term(string Title, DateOnly? Start, DateOnly? End, bool HeadOfState = false);

/// <summary>Turns terms into offices: back-to-back terms of the same office (a re-election) become one office.</summary>
internal static class Terms
{
    /// <summary>A gap of up to this long between two terms of one office is the changeover, not a break.</summary>
    private const int ChangeoverDays = 7;

    /// <param name="asOf">The source's data date: a term that ended before it is reported as ended.</param>
    public static IEnumerable<PepPosition> Collapse(IEnumerable<Term> terms, string country, DateOnly asOf)
    {
        var runs = new List<Term>();
        foreach (var term in terms.OrderBy(t => t.Title, StringComparer.Ordinal).ThenBy(t => t.Start ?? DateOnly.MinValue))
        {
            if (runs.Count > 0 && runs[^1] is var last && last.Title == term.Title && last.End is { } end && term.Start is { } start
                && start.DayNumber - end.DayNumber <= ChangeoverDays)
            {
                runs[^1] = last with { End = term.End is { } next && next > end ? next : term.End is null ? null : end };
                continue;
            }
            runs.Add(term);
        }
        return runs.OrderBy(r => r.Start ?? DateOnly.MinValue).ThenBy(r => r.Title, StringComparer.Ordinal).Select(r => new PepPosition
        {
            Title = r.Title,
            Country = country,
            Start = r.Start,
            End = r.End,
            Status = r.End is { } e && e < asOf ? PositionStatus.Ended : PositionStatus.Current,
            HeadOfState = r.HeadOfState,
            AsOf = asOf,
        });
    }

    /// <summary>The data date of a dated source: its latest start date (the snapshot is at least that recent).</summary>
    public static DateOnly AsOf(IEnumerable<Term> terms) => terms.Select(t => t.Start).OfType<DateOnly>().DefaultIfEmpty(DateOnly.MinValue).Max();

    public static DateOnly? Date(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
