using System.Globalization;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening.Pep;

/// <summary>
/// What a PEP match says about the person's offices, as plain JSON-serialisable data: the status on the screening
/// date (<c>current</c>, <c>former</c>, <c>unknown</c>), whether former, when the last office ended, the period a former
/// office holder stays a PEP, a sentence, and every office with its country and dates.
/// </summary>
public sealed record PepEvidence(string Status, bool Former, string? LeftOffice, int? PeriodYears, string Explanation, IReadOnlyList<PositionEvidence> Positions)
{
    public static PepEvidence From(PepStatus status, IReadOnlyList<PepPosition> positions) => new(
        status.State.ToString().ToLowerInvariant(),
        status.Former,
        Iso(status.LeftOffice),
        status.PeriodYears,
        status.Explain(positions),
        positions.Select(p => new PositionEvidence(p.Title, p.Country, Iso(p.Start), Iso(p.End), p.HeldOn(status.AsOf), Iso(p.AsOf))).ToList());

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One office: title, country (ISO alpha-2), start and end (an end after today is a term's scheduled end), held on the screening date, source date.</summary>
public sealed record PositionEvidence(string Title, string? Country, string? Start, string? End, bool Held, string? AsOf);
