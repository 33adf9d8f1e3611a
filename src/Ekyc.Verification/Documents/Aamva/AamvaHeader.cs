namespace Ekyc.Verification.Documents.Aamva;

/// <summary>
/// The AAMVA DL/ID header (Annex D): file type (<c>ANSI </c>, or <c>AAMVA</c> on old cards), issuer
/// identification number, standard version, jurisdiction version (absent in version 1), number of subfiles, and the
/// quirks the lenient reader had to get past.
/// </summary>
public sealed record AamvaHeader(string FileType, string Iin, int Version, int? JurisdictionVersion, int? Entries, IReadOnlyList<string> Quirks)
{
    /// <summary>The edition of the standard a version number stands for (IdParser's naming).</summary>
    public string StandardName => Version switch
    {
        1 => "Aamva2000",
        2 => "Aamva2003",
        3 => "Aamva2005",
        4 => "Aamva2009",
        5 => "Aamva2010",
        6 => "Aamva2011",
        7 => "Aamva2012",
        8 => "Aamva2013",
        9 => "Aamva2016",
        10 => "Aamva2020",
        _ => $"Aamva-v{Version}",
    };
}
