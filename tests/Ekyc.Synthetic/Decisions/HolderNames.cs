namespace Ekyc.Synthetic.Decisions;

/// <summary>A document holder's identity as printed and encoded.</summary>
/// <param name="BirthDate">YYMMDD, as in the MRZ.</param>
public sealed record Holder(string Surname, string GivenNames, string BirthDate, string Nationality);

/// <summary>
/// Name pools for the holders: ordinary European and North American names, drawn at random so that the screening
/// stays neutral (the bench re-draws any combination the screening engine matches), and a few real listed persons.
/// </summary>
public static class HolderNames
{
    public static readonly IReadOnlyList<string> Surnames =
    [
        "ANDERSEN", "BAUMGART", "CASTELLANO", "DUBOIS", "EKSTROM", "FERREIRA", "GALLAGHER", "HOFFMANN", "JANSSEN",
        "KOWALCZYK", "LAMBERT", "MORETTI", "NIELSEN", "OLIVEIRA", "PETERSEN", "QUINLAN", "RENAUD", "SCHREIBER",
        "TREMBLAY", "VERHOEVEN", "WAGNER", "BRANDT", "COLLINS", "DE WIT", "FONTAINE", "HARTMANN", "LINDBERG",
        "MARCHETTI", "ROUSSEL", "SANDOVAL",
        // Particles, hyphens and apostrophes (fillers or nothing in the MRZ), and names long enough to be truncated
        // in a TD1 MRZ's 30 characters or a TD3's 39 (ICAO 9303: cut from the end; the field then ends in a letter).
        "VAN DER MEULEN", "DE LA FUENTE", "O'SULLIVAN", "MULLER-WESTERHOLT", "DOS SANTOS PEREIRA",
        "SCHWARZENBERG-HOHENLOHE", "D'ALESSANDRO", "VON BISMARCK-SCHONHAUSEN", "DOS SANTOS PEREIRA-CARVALHO",
    ];

    public static readonly IReadOnlyList<string> GivenNames =
    [
        "LUCAS", "MATTHIAS", "PIETER", "JONAS", "THOMAS", "NICOLAS", "DANIEL", "ANDREAS", "MARCO", "JULIEN",
        "STEFAN", "OLIVER", "HUGO", "SEBASTIAN", "RAFAEL", "HENRIK", "FELIX", "ADRIAN", "MARTIN", "SIMON",
        "JEAN-BAPTISTE", "KARL-HEINZ", "MAXIMILIAN", "JOSE MARIA", "CHRISTOPHER",
    ];

    /// <summary>Issuing states (the holder's nationality too).</summary>
    public static readonly IReadOnlyList<string> Countries =
        ["FRA", "DEU", "NLD", "BEL", "ITA", "ESP", "SWE", "AUT", "IRL", "PRT", "CAN", "USA", "GBR", "DNK", "FIN"];

    /// <summary>
    /// Persons on the bundled UN Security Council consolidated list (<c>lists/un</c>), with the birth date and
    /// nationality listed: the UN's second name is the family name.
    /// </summary>
    public static readonly IReadOnlyList<Holder> Listed =
    [
        new("MAKENGA", "SULTANI", "731225", "COD"), // DATAID 6907999
        new("TURE", "MAMADU", "470426", "GNB"), // DATAID 6907984
        new("DWIKARNA", "AGUS", "640811", "IDN"), // DATAID 112039
        new("IQBAL", "ZAFAR", "531004", "PAK"), // DATAID 2983973
    ];
}
