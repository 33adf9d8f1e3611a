namespace Ekyc.Verification.Documents.Mrz;

/// <summary>The machine-readable-zone layouts the parser knows (ICAO 9303 Parts 4–7, plus the pre-2021 French ID card).</summary>
public enum MrzFormat
{
    /// <summary>ID-1 card: three lines of 30.</summary>
    Td1,
    /// <summary>ID-2 card: two lines of 36.</summary>
    Td2,
    /// <summary>Passport: two lines of 44.</summary>
    Td3,
    /// <summary>Visa, full size: two lines of 44.</summary>
    MrvA,
    /// <summary>Visa, ID-2 size: two lines of 36.</summary>
    MrvB,
    /// <summary>French national ID card issued 1988–2021: two lines of 36, not ICAO.</summary>
    FrenchNationalId,
}

/// <summary>The names formats go by in reports.</summary>
public static class MrzFormatNames
{
    public static string ToWire(this MrzFormat format) => format switch
    {
        MrzFormat.Td1 => "TD1",
        MrzFormat.Td2 => "TD2",
        MrzFormat.Td3 => "TD3",
        MrzFormat.MrvA => "MRV-A",
        MrzFormat.MrvB => "MRV-B",
        MrzFormat.FrenchNationalId => "FR-ID-1988",
        _ => format.ToString(),
    };
}
