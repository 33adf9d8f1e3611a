namespace Ekyc.Verification.Documents.Printed;

/// <summary>The names of the printed fields compared with the MRZ (snake_case, as in the evidence).</summary>
public static class PrintedFields
{
    public const string Surname = "surname";
    public const string GivenNames = "given_names";
    public const string DocumentNumber = "document_number";
    public const string DateOfBirth = "date_of_birth";
    public const string ExpiryDate = "expiry_date";
    public const string Sex = "sex";
    public const string Nationality = "nationality";

    /// <summary>Fields whose contradiction points at a forgery (a changed identity), not at a printing convention.</summary>
    public static bool IsIdentity(string field) => field is Surname or GivenNames or DocumentNumber;
}
