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
