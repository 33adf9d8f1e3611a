namespace Ekyc.Verification.Screening.Model;

/// <summary>
/// One listed person, organisation, vessel or aircraft, in the same shape whatever list it came from:
/// its names by kind, its birth dates at their own precision, its nationalities (ISO alpha-2 where known),
/// its topics (<c>sanction</c>, <c>role.pep</c>, …), its sanctions programmes (or source datasets) and a PEP's offices.
/// </summary>
public sealed record ScreeningEntity
{
    /// <summary>The list's own stable id (OFAC ent_num, UN reference number, OpenSanctions id…).</summary>
    public required string Id { get; init; }
    /// <summary>The name under which the list was imported, e.g. <c>ofac-sdn</c>.</summary>
    public required string ListName { get; init; }
    public required EntityKind Kind { get; init; }
    public required IReadOnlyList<EntityName> Names { get; init; }
    public IReadOnlyList<BirthDate> BirthDates { get; init; } = [];
    public IReadOnlyList<string> Nationalities { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<string> Programs { get; init; } = [];
    /// <summary>The offices that make a PEP one, with their dates; empty for sanctions entries and lists without positions.</summary>
    public IReadOnlyList<PepPosition> Positions { get; init; } = [];

    public bool IsPep => Topics.Any(t => t.StartsWith(EntityTopics.PepPrefix, StringComparison.Ordinal));

    public bool IsSanctioned => Topics.Any(t => t.StartsWith(EntityTopics.Sanction, StringComparison.Ordinal));

    public string PrimaryName => Names.FirstOrDefault(n => n.Kind == NameKind.Primary)?.Value ?? Names[0].Value;
}
