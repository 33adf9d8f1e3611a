using System.Globalization;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Pep;

/// <summary>
/// Whether a listed PEP is one on a given date: in office, former (left office within the configured period), expired
/// (left longer ago: no longer reported) or unknown (the list names the person as a PEP but gives no dates).
/// <see cref="Explain"/> says why in a sentence.
/// </summary>
public sealed record PepStatus(PepState State, DateOnly AsOf, DateOnly? LeftOffice = null, int? PeriodYears = null, bool HeadOfStatePeriod = false)
{
    public bool Former => State == PepState.Former;

    /// <summary>
    /// A former PEP stays one for <see cref="ScreeningOptions.PepFormerYears"/> after the last office ended, or
    /// <see cref="ScreeningOptions.PepFormerYearsHeadOfState"/> after a head of state or government left office.
    /// The period runs from the latest end date the list gives; a former office holder with no end date at all stays a PEP.
    /// Runs for every PEP candidate of a search, so it allocates nothing.
    /// </summary>
    public static PepStatus Assess(ScreeningEntity entity, DateOnly asOf, ScreeningOptions options)
    {
        var positions = entity.Positions;
        if (positions.Count == 0)
        {
            return new PepStatus(PepState.Unknown, asOf);
        }
        bool undated = false, head = false;
        DateOnly? left = null;
        foreach (var position in positions)
        {
            if (position.HeldOn(asOf))
            {
                return new PepStatus(PepState.Current, asOf);
            }
            undated |= position.Status == PositionStatus.Unknown;
            head |= position.HeadOfState;
            if (position.EndedBy(asOf) is { } end)
            {
                left = left is { } l && l > end ? l : end;
            }
        }
        if (undated)
        {
            return new PepStatus(PepState.Unknown, asOf);
        }
        var years = head ? options.PepFormerYearsHeadOfState : options.PepFormerYears;
        // The latest end the list gives counts (a senator's undated seat before a dated presidency ended before it);
        // with no end date at all nothing shows the period is over.
        if (left is null)
        {
            return new PepStatus(PepState.Former, asOf, null, years, head);
        }
        return new PepStatus(left.Value.AddYears(years) >= asOf ? PepState.Former : PepState.Expired, asOf, left, years, head);
    }

    /// <summary>The status in a sentence, naming the offices (at most three) with their country and dates.</summary>
    public string Explain(IReadOnlyList<PepPosition> positions)
    {
        var setting = HeadOfStatePeriod ? "PepFormerYearsHeadOfState" : "PepFormerYears";
        return State switch
        {
            PepState.Current => $"In office: {Describe(positions.Where(p => p.HeldOn(AsOf)))}.",
            PepState.Unknown when positions.Count == 0 => "Listed as a politically exposed person; the list names no office.",
            PepState.Unknown => $"Politician; whether in office is not stated: {Describe(positions)}.",
            PepState.Former when LeftOffice is null => $"Former office holder: {Describe(positions)}; left office on a date the list does not give, so still a PEP.",
            PepState.Former => $"Former office holder: {Describe(positions)}; left office {Iso(LeftOffice.Value)}, a PEP until {Iso(LeftOffice.Value.AddYears(PeriodYears ?? 0))} ({PeriodYears} years after leaving office, Ekyc:Screening:{setting}).",
            _ => $"Former office holder: {Describe(positions)}; left office {Iso(LeftOffice!.Value)}, more than {PeriodYears} years ago (Ekyc:Screening:{setting}): no longer a PEP.",
        };
    }

    private string Describe(IEnumerable<PepPosition> positions)
    {
        // Offices held first, then the latest ended; an office that ended on an unknown date last.
        var list = positions.OrderByDescending(p => p.HeldOn(AsOf))
            .ThenByDescending(p => p.End ?? (p.Status == PositionStatus.Ended ? DateOnly.MinValue : DateOnly.MaxValue)).ToList();
        var text = string.Join("; ", list.Take(3).Select(Describe));
        return list.Count > 3 ? $"{text}; and {list.Count - 3} more" : text;
    }

    private string Describe(PepPosition p)
    {
        var place = p.Country is null ? "" : $" ({p.Country.ToUpperInvariant()})";
        var dates = (p.Start, p.End) switch
        {
            (null, null) => "",
            ({ } s, null) => $", since {Iso(s)}",
            (null, { } e) => e < AsOf ? $", until {Iso(e)}" : $", term ends {Iso(e)}",
            ({ } s, { } e) => e < AsOf ? $", {Iso(s)} to {Iso(e)}" : $", since {Iso(s)} (term ends {Iso(e)})",
        };
        var source = p.AsOf is { } date && p.Start is null && p.End is null ? $", as of {Iso(date)}" : "";
        return p.Title + place + dates + source;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Where a listed PEP stands on the screening date.</summary>
public enum PepState
{
    Unknown,
    Current,
    Former,
    /// <summary>Left office longer ago than the configured period: not a PEP any more, not reported.</summary>
    Expired,
}
