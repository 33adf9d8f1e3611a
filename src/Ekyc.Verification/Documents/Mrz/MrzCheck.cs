namespace Ekyc.Verification.Documents.Mrz;

/// <summary>
/// One check digit as read and as recomputed. <paramref name="Over"/> is the text it covers; <paramref name="Computed"/>
/// is null when that text holds a non-MRZ character; <paramref name="Variant"/> names an accepted issuer deviation.
/// </summary>
public sealed record MrzCheck(string Field, string Over, char Printed, char? Computed, bool Ok, string? Variant = null);
