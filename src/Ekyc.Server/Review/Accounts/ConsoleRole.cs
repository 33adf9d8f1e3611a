namespace Ekyc.Server.Review.Accounts;

/// <summary>A reviewer decides sessions; an admin also reads the audit trail of the tenant.</summary>
public static class ConsoleRole
{
    public const string Reviewer = "reviewer";
    public const string Admin = "admin";

    public static bool IsValid(string role) => role is Reviewer or Admin;
}
