namespace Ekyc.Server.Sessions;

/// <summary>What the tenant asked for when creating the session; return URL and consent text serve the hosted capture page;
/// <see cref="Sandbox"/> is the scenario of a test session (null for live sessions and for a test session without one).</summary>
public sealed record SessionConfig(IReadOnlyList<string> DocumentTypes, IReadOnlyList<string> Checks, string? WebhookUrl,
    string? ReturnUrl = null, string? ConsentText = null, Sandbox.SandboxScenario? Sandbox = null);

public static class DocumentTypes
{
    public static readonly IReadOnlyList<string> All = ["passport", "id_card", "driving_licence", "residence_permit"];
}
