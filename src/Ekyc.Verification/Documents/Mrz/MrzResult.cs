namespace Ekyc.Verification.Documents.Mrz;

/// <summary>
/// Every field of a parsed MRZ, as printed (dates stay <c>YYMMDD</c>; fillers become spaces and are trimmed), with
/// every check digit and the corrections the OCR fix-up made. Fields a format does not have are null.
/// </summary>
public sealed record MrzResult
{
    public required MrzFormat Format { get; init; }
    /// <summary>The lines the fields were read from (after any fix-up).</summary>
    public required IReadOnlyList<string> Lines { get; init; }
    public required string DocumentCode { get; init; }
    public required string IssuingState { get; init; }
    public required string DocumentNumber { get; init; }
    /// <summary>TD1: the document number overflowed into the optional data (more than nine characters).</summary>
    public bool LongDocumentNumber { get; init; }
    public required string PrimaryIdentifier { get; init; }
    public required string SecondaryIdentifier { get; init; }
    /// <summary>Whether the name field may hold a name cut to fit, so the printed name may go on where the MRZ's stops.</summary>
    public NameTruncation NameTruncation { get; init; }
    public string? Nationality { get; init; }
    public required string BirthDate { get; init; }
    /// <summary><c>M</c>, <c>F</c>, <c>X</c> or <c>&lt;</c> (unspecified), as printed.</summary>
    public required string Sex { get; init; }
    /// <summary>Null for the French national ID, whose MRZ has no expiry date.</summary>
    public string? ExpiryDate { get; init; }
    /// <summary>TD3 personal number.</summary>
    public string? PersonalNumber { get; init; }
    /// <summary>TD1 optional data of line 1 (after a long document number's overflow).</summary>
    public string? Optional1 { get; init; }
    /// <summary>TD1 optional data of line 2.</summary>
    public string? Optional2 { get; init; }
    /// <summary>TD2 and visa optional data.</summary>
    public string? OptionalData { get; init; }
    /// <summary>French national ID: the administrative code of line 1.</summary>
    public string? AdministrativeCode { get; init; }
    /// <summary>French national ID: year and month of issue, <c>YYMM</c>.</summary>
    public string? IssueDate { get; init; }
    public required IReadOnlyList<MrzCheck> Checks { get; init; }
    /// <summary>Every character is in A–Z, 0–9, <c>&lt;</c>.</summary>
    public required bool CharsetValid { get; init; }
    public required IReadOnlyList<MrzCorrection> Corrections { get; init; }
    /// <summary>
    /// Failing checks that several look-alike swaps (0/O, 1/I, 8/B…) would each repair, none clearly likelier: an OCR
    /// confusion the parser could not settle rather than evidence against the document.
    /// </summary>
    public IReadOnlyList<string> UnsettledLookAlikes { get; init; } = [];
    /// <summary>Field syntax errors no check digit covers (impossible dates, unknown sex marker, digits in codes).</summary>
    public IReadOnlyList<string> FieldErrors { get; init; } = [];

    public bool ChecksValid => Checks.All(c => c.Ok);

    /// <summary>
    /// The fields whose check digit fails, the composite only when it fails alone: a failing field check breaks the
    /// composite too, and the field's own characters are then the ones that matter.
    /// </summary>
    public IReadOnlyList<string> FailingFieldChecks
    {
        get
        {
            var failing = Checks.Where(c => !c.Ok).Select(c => c.Field).ToList();
            return failing.Count > 1 ? failing.Where(f => f != "composite").ToList() : failing;
        }
    }
}

/// <summary>A character the fix-up changed: line and column are 0-based.</summary>
public sealed record MrzCorrection(int Line, int Column, char From, char To, string Reason);
