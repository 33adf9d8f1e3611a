namespace Ekyc.Server.Sessions;

/// <summary>What the tenant asked for when creating the session; the last two serve the hosted capture page.</summary>
public sealed record SessionConfig(IReadOnlyList<string> DocumentTypes, IReadOnlyList<string> Checks, string? WebhookUrl,
    string? ReturnUrl = null, string? ConsentText = null);

public static class DocumentTypes
{
    public static readonly IReadOnlyList<string> All = ["passport", "id_card", "driving_licence", "residence_permit"];
}
