using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Matching;

/// <summary>Compares a subject's birth date with an entity's listed birth dates; the best verdict wins.</summary>
public static class DobComparer
{
    public static DobVerdict Compare(BirthDate? subject, IReadOnlyList<BirthDate> listed)
    {
        if (subject is not { } date || listed.Count == 0)
        {
            return DobVerdict.Unknown;
        }
        var best = DobVerdict.Conflict;
        foreach (var birth in listed)
        {
            var verdict = Compare(date, birth);
            if (Rank(verdict) > Rank(best))
            {
                best = verdict;
            }
        }
        return best;
    }

    /// <summary>Compares at the coarser of the two precisions: a year-only subject date matches any day that year.</summary>
    public static DobVerdict Compare(BirthDate subject, BirthDate listed)
    {
        var tolerance = listed.Approximate ? 2 : 0;
        var last = listed.ToYear ?? listed.Year;
        if (subject.Year < listed.Year - tolerance - 1 || subject.Year > last + tolerance + 1)
        {
            return DobVerdict.Conflict;
        }
        if (subject.Year < listed.Year - tolerance || subject.Year > last + tolerance)
        {
            return DobVerdict.Near;
        }
        if (listed.ToYear is not null || listed.Approximate)
        {
            return DobVerdict.Match;
        }
        if (subject.Year != listed.Year)
        {
            return DobVerdict.Near;
        }
        var precision = (DatePrecision)Math.Min((int)listed.Precision, (int)subject.Precision);
        return precision switch
        {
            DatePrecision.Year => DobVerdict.Match,
            DatePrecision.Month => subject.Month == listed.Month ? DobVerdict.Match : DobVerdict.DayConflict,
            _ when subject.Month == listed.Month && subject.Day == listed.Day => DobVerdict.Match,
            _ when subject.Month == listed.Day && subject.Day == listed.Month => DobVerdict.Near,
            _ when subject.Month == listed.Month => DobVerdict.Near,
            _ => DobVerdict.DayConflict,
        };
    }

    private static int Rank(DobVerdict verdict) => verdict switch
    {
        DobVerdict.Match => 4,
        DobVerdict.Near => 3,
        DobVerdict.DayConflict => 2,
        DobVerdict.Conflict => 1,
        _ => 0,
    };
}
