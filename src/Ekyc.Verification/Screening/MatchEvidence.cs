using Ekyc.Verification.Screening.Matching;
using Ekyc.Verification.Screening.Pep;

namespace Ekyc.Verification.Screening;

/// <summary>A match as plain JSON-serialisable data, for check evidence and the <c>screen</c> command.</summary>
public sealed record MatchEvidence(
    string EntityId,
    string List,
    string Kind,
    string PrimaryName,
    string MatchedName,
    string MatchedNameKind,
    double Score,
    double NameScore,
    string DobVerdict,
    string NationalityVerdict,
    IReadOnlyList<string> ListedBirthDates,
    IReadOnlyList<string> ListedNationalities,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Programs,
    IReadOnlyList<AlignmentEvidence> Alignment,
    PepEvidence? Pep)
{
    public static MatchEvidence From(ScreeningMatch match) => new(
        match.Entity.Id,
        match.Entity.ListName,
        Snake(match.Entity.Kind.ToString()),
        match.Entity.PrimaryName,
        match.MatchedName,
        Snake(match.MatchedNameKind.ToString()),
        match.Score,
        match.NameScore,
        Snake(match.Dob.ToString()),
        Snake(match.Nationality.ToString()),
        match.Entity.BirthDates.Select(d => d.ToString()).ToList(),
        match.Entity.Nationalities,
        match.Entity.Topics,
        match.Entity.Programs,
        match.Alignment.Select(a => new AlignmentEvidence(a.Query, a.Candidate, Snake(a.Kind.ToString()), a.Similarity)).ToList(),
        match.Pep is { } pep ? PepEvidence.From(pep, match.Entity.Positions) : null);

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

/// <summary>One pair of the token alignment: the query token, the listed token, how they matched and how alike.</summary>
public sealed record AlignmentEvidence(string? Query, string? Listed, string How, double Similarity);
