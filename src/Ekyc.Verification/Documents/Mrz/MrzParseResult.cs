namespace Ekyc.Verification.Documents.Mrz;

/// <summary>The parsed MRZ, or why the lines are not one.</summary>
public sealed record MrzParseResult(MrzResult? Mrz, string? Error)
{
    public bool Success => Mrz is not null;

    public static MrzParseResult Fail(string error) => new(null, error);
}
