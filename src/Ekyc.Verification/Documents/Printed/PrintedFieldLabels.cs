namespace Ekyc.Verification.Documents.Printed;

/// <summary>
/// The printed labels of the holder's fields, in the languages of the labels seen on passports and ID cards (ICAO
/// 9303 recommends English, French or Spanish next to the national language). Compared on folded text: upper case,
/// letters and digits only.
/// </summary>
public static class PrintedFieldLabels
{
    /// <summary>
    /// Field and label words, the more specific first: <c>GIVENNAMES</c> holds <c>NAME</c> and <c>PRENOMS</c> holds
    /// <c>NOM</c>, so given names are tried before the surname.
    /// </summary>
    private static readonly (string Field, string[] Words)[] Labels =
    [
        (PrintedFields.GivenNames, ["GIVENNAME", "FORENAME", "PRENOM", "NOMBRES", "VORNAME", "VOORNAMEN", "NOMI", "NOME"]),
        (PrintedFields.Surname, ["SURNAME", "NOM", "APELLIDO", "NACHNAME", "FAMILIENNAME", "COGNOME", "ACHTERNAAM", "NAME"]),
        (PrintedFields.DocumentNumber, ["PASSPORTNO", "DOCUMENTNO", "DOCUMENTNUMBER", "CARDNO", "PASSEPORTNO", "NODUPASSEPORT", "NODUDOCUMENT",
            "DOCUMENTO", "PASSNR", "AUSWEISNR", "NUMERO", "DOCNO"]),
        (PrintedFields.DateOfBirth, ["DATEOFBIRTH", "BIRTHDATE", "BIRTH", "NAISSANCE", "NAISS", "NACIMIENTO", "GEBURT", "NASCITA", "GEBOORTE"]),
        (PrintedFields.ExpiryDate, ["EXPIRY", "EXPIRATION", "EXPIRES", "DATEDEXP", "VALIDUNTIL", "VALIDITE", "GULTIG", "CADUCIDAD", "SCADENZA", "GELDIGTOT"]),
        (PrintedFields.Sex, ["SEXE", "SEX", "SEXO", "GESCHLECHT", "SESSO", "GESLACHT"]),
        (PrintedFields.Nationality, ["NATIONALITY", "NATIONALITE", "NACIONALIDAD", "STAATSANGEHORIGKEIT", "CITTADINANZA", "NATIONALITEIT"]),
    ];

    /// <summary>Words that label other printed data: a line holding one is a label, never a value.</summary>
    private static readonly string[] OtherLabels =
    [
        "PLACEOF", "LIEUDE", "DATEOFISSUE", "ISSUE", "DELIVRANCE", "AUTHORITY", "AUTORITE", "ADDRESS", "ADRESSE", "SIGNATURE", "TYPE", "CODE",
        "HEIGHT", "TAILLE", "PASSPORT", "PASSEPORT", "IDENTITY", "IDENTITE",
    ];

    /// <summary>Labels that hold a field's word but label something else (the place of birth is not the date).</summary>
    private static readonly string[] NotFields = ["PLACE", "LIEUDE", "LUGARDE", "GEBURTSORT", "LUOGODI", "GEBOORTEPLAATS"];

    /// <summary>The field a printed line labels (its first label word in the order above), or null.</summary>
    public static string? FieldOf(string text)
    {
        var folded = PrintedFieldMatcher.Normalise(text);
        if (NotFields.Any(w => Holds(folded, w)))
            return null;
        foreach (var (field, words) in Labels)
            if (words.Any(w => Holds(folded, w)))
                return field;
        return null;
    }

    /// <summary>
    /// The label word, allowing for the OCR's misreadings of small label print (Surnane, Glven nanes, Nattonality):
    /// one substituted letter from five letters, two from nine; shorter words exactly.
    /// </summary>
    private static bool Holds(string folded, string word) =>
        folded.Contains(word, StringComparison.Ordinal) || PrintedFieldMatcher.WithinEdits(folded, word, word.Length >= 9 ? 2 : word.Length >= 5 ? 1 : 0);

    /// <summary>
    /// Whether a label names the surname and the given names together (<c>Name, Vornamen / Surname, given names</c>,
    /// <c>Apellidos y nombres</c>): one value below it, the surname first. A surname word must remain once the given-name
    /// words are taken out (<c>GIVENNAMES</c> holds <c>NAME</c>, <c>PRENOMS</c> holds <c>NOM</c>).
    /// </summary>
    public static bool NamesTogether(string text)
    {
        var folded = PrintedFieldMatcher.Normalise(text);
        var rest = Labels[0].Words.Aggregate(folded, (t, w) => t.Replace(w, " ", StringComparison.Ordinal));
        return rest != folded && Labels[1].Words.Any(w => rest.Contains(w, StringComparison.Ordinal));
    }

    /// <summary>Whether a printed line is (or holds) a label of any printed field, or is one cut short.</summary>
    public static bool IsLabel(string text)
    {
        var folded = PrintedFieldMatcher.Normalise(text);
        return FieldOf(text) is not null || OtherLabels.Any(w => Holds(folded, w)) || CutShort(folded);
    }

    /// <summary>A cut label is this long at least: no name is the start of a label word that long.</summary>
    private const int MinCutLength = 7;

    /// <summary>
    /// Whether the whole text is the start of a longer label word: the detector cut a label's region short
    /// (<c>Dateofbi</c> of <c>Date of birth / Date de naissance</c>), which fuzzy matching no longer recognises. Under a
    /// field whose value it missed, it was taken for the value (a genuine passport's given names "contradicted").
    /// </summary>
    private static bool CutShort(string folded) =>
        folded.Length >= MinCutLength
        && Labels.SelectMany(l => l.Words).Concat(OtherLabels).Any(w => w.Length > folded.Length && w.StartsWith(folded, StringComparison.Ordinal));
}
