using Ekyc.Core.Checks;

namespace Ekyc.Verification.Documents.Aamva;

/// <summary>The identity fields of an AAMVA driving licence or ID card barcode, normalised across versions 1–10.</summary>
public sealed record AamvaLicence
{
    public required AamvaHeader Header { get; init; }
    /// <summary><c>DL</c> (driving licence) or <c>ID</c> (identification card).</summary>
    public required string SubfileType { get; init; }
    public string? First { get; init; }
    public string? Middle { get; init; }
    public string? Last { get; init; }
    public string? Suffix { get; init; }
    public string? StreetLine1 { get; init; }
    public string? StreetLine2 { get; init; }
    public string? City { get; init; }
    public string? JurisdictionCode { get; init; }
    public string? PostalCode { get; init; }
    public string? IdNumber { get; init; }
    public string? VehicleClass { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public DateOnly? IssueDate { get; init; }
    public DateOnly? ExpirationDate { get; init; }
    public DateOnly? RevisionDate { get; init; }
    /// <summary><c>Male</c>, <c>Female</c> or null.</summary>
    public string? Sex { get; init; }
    /// <summary><c>Usa</c> or <c>Canada</c>.</summary>
    public required string Country { get; init; }
    /// <summary>REAL ID compliance (DDA): FullyCompliant, MateriallyCompliant, NonCompliant.</summary>
    public string? ComplianceType { get; init; }
    /// <summary>Every element read, by its three-letter identifier.</summary>
    public required IReadOnlyDictionary<string, string> Elements { get; init; }
    /// <summary>Mandatory identity fields the barcode lacked.</summary>
    public IReadOnlyList<string> MissingMandatory { get; init; } = [];

    public ExtractedData ToExtractedData() => new()
    {
        FullName = string.Join(' ', new[] { First, Middle, Last }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } full ? full : null,
        Surname = Last,
        GivenNames = string.Join(' ', new[] { First, Middle }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } given ? given : null,
        DateOfBirth = DateOfBirth,
        DocumentNumber = IdNumber,
        DocumentType = SubfileType == "ID" ? "id_card" : "driving_licence",
        Nationality = null,
        IssuingCountry = Country == "Canada" ? "CAN" : "USA",
        Sex = Sex switch { "Male" => "M", "Female" => "F", _ => null },
        ExpiryDate = ExpirationDate,
    };
}

/// <summary>The parsed barcode, or why the payload is not an AAMVA record.</summary>
public sealed record AamvaParseResult(AamvaLicence? Licence, string? Error);
