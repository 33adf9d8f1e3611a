namespace Ekyc.Core.Checks;

/// <summary>Identity data read from the document (MRZ, barcode or printed fields).</summary>
public sealed record ExtractedData
{
    public string? FullName { get; init; }
    public string? Surname { get; init; }
    public string? GivenNames { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? DocumentNumber { get; init; }
    /// <summary><c>passport</c>, <c>id_card</c>, <c>driving_licence</c> or <c>residence_permit</c>.</summary>
    public string? DocumentType { get; init; }
    /// <summary>ICAO 9303 three-letter code.</summary>
    public string? Nationality { get; init; }
    public string? IssuingCountry { get; init; }
    /// <summary><c>M</c>, <c>F</c> or <c>X</c>.</summary>
    public string? Sex { get; init; }
    public DateOnly? ExpiryDate { get; init; }
}
