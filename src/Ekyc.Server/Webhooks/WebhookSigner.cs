using StandardWebhooks;

namespace Ekyc.Server.Webhooks;

/// <summary>Standard Webhooks headers for one attempt, signed with the StandardWebhooks package.</summary>
public static class WebhookSigner
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>
    /// <c>v1,&lt;base64 HMAC-SHA256 of id.timestamp.body&gt;</c> per active secret, space-separated: during a
    /// rotation overlap the receiver accepts the request with either its old or its new secret.
    /// </summary>
    public static string Signature(SigningKeys keys, string messageId, DateTimeOffset timestamp, string body, DateTimeOffset now) =>
        string.Join(' ', keys.ActiveAt(now).Select(secret => new StandardWebhook(secret).Sign(messageId, timestamp, body)));

    public static void Apply(HttpRequestMessage request, SigningKeys keys, string messageId, DateTimeOffset timestamp, string body)
    {
        request.Headers.TryAddWithoutValidation(IdHeader, messageId);
        request.Headers.TryAddWithoutValidation(TimestampHeader, timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(SignatureHeader, Signature(keys, messageId, timestamp, body, timestamp));
    }
}
