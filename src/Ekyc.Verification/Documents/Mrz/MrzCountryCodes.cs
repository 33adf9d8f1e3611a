namespace Ekyc.Verification.Documents.Mrz;

/// <summary>
/// The codes an MRZ may carry for a state or nationality: ISO 3166-1 alpha-3 (Debian iso-codes 3166-1 list) plus the
/// ICAO 9303 Part 3 section 5 codes (Germany's <c>D</c>, British <c>GB?</c> classes, Kosovo, EU, United Nations,
/// other authorities, persons without a defined nationality, deprecated codes). <c>UTO</c> (Utopia) marks specimens.
/// </summary>
public static class MrzCountryCodes
{
    public const string Specimen = "UTO";

    private static readonly HashSet<string> Iso =
    [
        "ABW", "AFG", "AGO", "AIA", "ALA", "ALB", "AND", "ARE", "ARG", "ARM", "ASM", "ATA", "ATF", "ATG", "AUS", "AUT", "AZE", "BDI", "BEL", "BEN",
        "BES", "BFA", "BGD", "BGR", "BHR", "BHS", "BIH", "BLM", "BLR", "BLZ", "BMU", "BOL", "BRA", "BRB", "BRN", "BTN", "BVT", "BWA", "CAF", "CAN",
        "CCK", "CHE", "CHL", "CHN", "CIV", "CMR", "COD", "COG", "COK", "COL", "COM", "CPV", "CRI", "CUB", "CUW", "CXR", "CYM", "CYP", "CZE", "DEU",
        "DJI", "DMA", "DNK", "DOM", "DZA", "ECU", "EGY", "ERI", "ESH", "ESP", "EST", "ETH", "FIN", "FJI", "FLK", "FRA", "FRO", "FSM", "GAB", "GBR",
        "GEO", "GGY", "GHA", "GIB", "GIN", "GLP", "GMB", "GNB", "GNQ", "GRC", "GRD", "GRL", "GTM", "GUF", "GUM", "GUY", "HKG", "HMD", "HND", "HRV",
        "HTI", "HUN", "IDN", "IMN", "IND", "IOT", "IRL", "IRN", "IRQ", "ISL", "ISR", "ITA", "JAM", "JEY", "JOR", "JPN", "KAZ", "KEN", "KGZ", "KHM",
        "KIR", "KNA", "KOR", "KWT", "LAO", "LBN", "LBR", "LBY", "LCA", "LIE", "LKA", "LSO", "LTU", "LUX", "LVA", "MAC", "MAF", "MAR", "MCO", "MDA",
        "MDG", "MDV", "MEX", "MHL", "MKD", "MLI", "MLT", "MMR", "MNE", "MNG", "MNP", "MOZ", "MRT", "MSR", "MTQ", "MUS", "MWI", "MYS", "MYT", "NAM",
        "NCL", "NER", "NFK", "NGA", "NIC", "NIU", "NLD", "NOR", "NPL", "NRU", "NZL", "OMN", "PAK", "PAN", "PCN", "PER", "PHL", "PLW", "PNG", "POL",
        "PRI", "PRK", "PRT", "PRY", "PSE", "PYF", "QAT", "REU", "ROU", "RUS", "RWA", "SAU", "SDN", "SEN", "SGP", "SGS", "SHN", "SJM", "SLB", "SLE",
        "SLV", "SMR", "SOM", "SPM", "SRB", "SSD", "STP", "SUR", "SVK", "SVN", "SWE", "SWZ", "SXM", "SYC", "SYR", "TCA", "TCD", "TGO", "THA", "TJK",
        "TKL", "TKM", "TLS", "TON", "TTO", "TUN", "TUR", "TUV", "TWN", "TZA", "UGA", "UKR", "UMI", "URY", "USA", "UZB", "VAT", "VCT", "VEN", "VGB",
        "VIR", "VNM", "VUT", "WLF", "WSM", "YEM", "ZAF", "ZMB", "ZWE",
    ];

    private static readonly HashSet<string> IcaoSpecial =
    [
        "D", "GBD", "GBN", "GBO", "GBS", "GBP", "RKS", "XXK", "EUE", "UNO", "UNA", "UNK", "XBA", "XIM", "XCC", "XCE",
        "XCO", "XEC", "XPO", "XES", "XOM", "XDC", "XXA", "XXB", "XXC", "XXX", "ANT", "NTZ",
    ];

    public static bool IsKnown(string code) => Iso.Contains(code) || IcaoSpecial.Contains(code);

    public static bool IsSpecimen(string code) => code == Specimen;

    /// <summary>A known code this far ahead of every other in the recogniser's likelihood is taken for an unknown one.</summary>
    private const float SettleMargin = 10f;
    private const float MinSettleLikelihood = 0.01f;

    /// <summary>
    /// The known code an unknown one was misread from (FIZ for FIN, OEU for DEU), as its MRZ field (padded with
    /// fillers): the known code whose letters the recogniser found likeliest at the field's steps (the product of
    /// their probabilities), when that is at least 0.01 and ten times any other known code's. No check digit covers the
    /// codes, so only the recogniser's own doubt can settle them. Null for a known code, the specimen code, or no clear
    /// winner.
    /// </summary>
    /// <param name="likelihood">The recogniser's probability of a character at a position of the field.</param>
    internal static string? Settle(string field, Func<int, char, float> likelihood)
    {
        var read = MrzText.Clean(field);
        if (IsKnown(read) || IsSpecimen(read))
            return null;
        var ranked = Iso.Concat(IcaoSpecial)
            .Select(code => code.PadRight(field.Length, '<'))
            .Where(code => code.Length == field.Length)
            .Select(code => (Code: code, P: Enumerable.Range(0, field.Length).Aggregate(1f, (p, i) => p * likelihood(i, code[i]))))
            .OrderByDescending(r => r.P)
            .Take(2)
            .ToList();
        return ranked is [var best, var next] && best.P >= MinSettleLikelihood && best.P >= SettleMargin * next.P ? best.Code : null;
    }

    /// <summary>The ISO 3166-1 alpha-3 form: Germany's ICAO <c>D</c> becomes <c>DEU</c>; other codes stay.</summary>
    public static string ToIsoAlpha3(string code) => code == "D" ? "DEU" : code;
}
