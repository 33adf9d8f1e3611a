namespace Ekyc.Verification.Screening.Model;

/// <summary>One name of an entity and how much the list trusts it.</summary>
public sealed record EntityName(string Value, NameKind Kind);

/// <summary>
/// Name kinds: a weak alias (OFAC "weak a.k.a.", UN quality <c>Low</c>) is too short or common to be
/// matched fuzzily and only counts on an exact match.
/// </summary>
public enum NameKind
{
    Primary,
    StrongAlias,
    WeakAlias,
    Former,
    OriginalScript,
}
