namespace Ekyc.Verification.Documents.Mrz;

/// <summary>What a position of the MRZ may hold; drives the OCR fix-up of confusable characters.</summary>
internal enum MrzCharClass
{
    /// <summary>Letters and filler (codes, names).</summary>
    Alpha,
    /// <summary>Digits only (dates, check digits).</summary>
    Numeric,
    /// <summary>Digits or filler (check digits that may be empty).</summary>
    NumericOrFiller,
    /// <summary>Letters, digits and filler (document numbers, optional data).</summary>
    AlphaNumeric,
    /// <summary>M, F, X or filler.</summary>
    Sex,
}
