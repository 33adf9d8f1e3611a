namespace Ekyc.Verification.Screening.Model;

/// <summary>What a listed entity is; a person is screened only against persons and unknowns.</summary>
public enum EntityKind
{
    Unknown,
    Person,
    Organization,
    Vessel,
    Aircraft,
}
