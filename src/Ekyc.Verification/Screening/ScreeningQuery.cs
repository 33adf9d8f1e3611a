using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening;

/// <summary>A name to screen with the evidence that helps tell namesakes apart.</summary>
/// <param name="DateOfBirth">The subject's birth date at the precision known (a year alone is fine).</param>
/// <param name="Kind">Person queries match listed persons and entities of unknown kind only.</param>
/// <param name="MinScore">Lowest score reported; defaults to the review threshold.</param>
/// <param name="AsOf">The date PEP status is judged on (former office holders); defaults to today (UTC).</param>
public sealed record ScreeningQuery(string Name, BirthDate? DateOfBirth = null, string? Nationality = null,
    EntityKind Kind = EntityKind.Person, double? MinScore = null, int? Limit = null, DateOnly? AsOf = null);
