namespace Ekyc.Verification.Documents.Mrz;

/// <summary>
/// Whether the MRZ's name field may hold a name cut to fit: ICAO 9303 cuts a name that does not fit from the end (hyphens
/// and spaces are fillers), so the printed name may go on where the MRZ's stops.
/// </summary>
public enum NameTruncation
{
    /// <summary>The field ends in two fillers or more: the whole name.</summary>
    None,

    /// <summary>The field is full and ends in a letter, ICAO 9303's sign of a cut: the last component may be cut short.</summary>
    WithinComponent,

    /// <summary>
    /// The field ends in one filler after a letter: a cut that fell just after a component keeps the filler that followed
    /// it (<c>…HOHENLOHE&lt;&lt;KARL&lt;</c> of KARL-HEINZ HENRIK). Later components may be missing; the last one is whole.
    /// A name that ends one short of the field looks the same, and is read the same way.
    /// </summary>
    AfterComponent,
}
