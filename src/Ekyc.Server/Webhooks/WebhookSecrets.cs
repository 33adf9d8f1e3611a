using System.Security.Cryptography;

namespace Ekyc.Server.Webhooks;

/// <summary>Standard Webhooks signing secrets: <c>whsec_</c> followed by base64 of 32 random bytes.</summary>
public static class WebhookSecrets
{
    public const string Prefix = "whsec_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}

/// <summary>
/// The secrets that sign a delivery: the current one, plus the previous one while its rotation overlap
/// lasts, so receivers can switch secrets without dropping a single webhook.
/// </summary>
public sealed record SigningKeys(string Current, string? Previous, DateTimeOffset? PreviousExpiresAt)
{
    public IEnumerable<string> ActiveAt(DateTimeOffset now)
    {
        yield return Current;
        if (Previous is not null && PreviousExpiresAt > now)
            yield return Previous;
    }
}
