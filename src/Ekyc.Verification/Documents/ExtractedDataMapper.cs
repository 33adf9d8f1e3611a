using Ekyc.Core.Checks;
using Ekyc.Verification.Documents.Mrz;

namespace Ekyc.Verification.Documents;

/// <summary>Maps a parsed MRZ to the contract's <see cref="ExtractedData"/>.</summary>
public static class ExtractedDataMapper
{
    public static ExtractedData FromMrz(MrzResult mrz, DateOnly today)
    {
        var surname = NullIfEmpty(mrz.PrimaryIdentifier);
        var given = NullIfEmpty(mrz.SecondaryIdentifier);
        return new ExtractedData
        {
            FullName = NullIfEmpty(string.Join(' ', new[] { given, surname }.Where(s => s is not null))),
            Surname = surname,
            GivenNames = given,
            DateOfBirth = MrzDates.Birth(mrz.BirthDate, today),
            DocumentNumber = NullIfEmpty(mrz.DocumentNumber),
            DocumentType = DocumentType(mrz),
            Nationality = mrz.Nationality is { Length: > 0 } n ? MrzCountryCodes.ToIsoAlpha3(n) : null,
            IssuingCountry = MrzCountryCodes.ToIsoAlpha3(mrz.IssuingState),
            Sex = mrz.Sex is "M" or "F" or "X" ? mrz.Sex : null,
            ExpiryDate = mrz.ExpiryDate is { } e ? MrzDates.Expiry(e, today) : null,
        };
    }

    /// <summary>
    /// ICAO document codes: P… passport; I/A/C… identity cards, except a second letter R (residence permits such as
    /// the EU "IR"/"AR"); a visa (V…) is no identity document and has no contract type: null.
    /// </summary>
    public static string? DocumentType(MrzResult mrz) => mrz.DocumentCode switch
    {
        ['P', ..] => "passport",
        ['V', ..] => null,
        [_, 'R'] => "residence_permit",
        ['I' or 'A' or 'C', ..] => "id_card",
        _ => null,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
