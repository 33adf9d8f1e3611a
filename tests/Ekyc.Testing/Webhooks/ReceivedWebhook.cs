using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace Ekyc.Testing.Webhooks;

/// <summary>A request the receiver got, with a copy of its headers.</summary>
public sealed record ReceivedWebhook(string Path, HeaderDictionary Headers, string Body, DateTimeOffset At)
{
    public string Id => Headers["webhook-id"].ToString();
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
    public string Type => Json["event"]!.GetValue<string>();
    public string? SessionId => Json["session_id"]?.GetValue<string>();

    /// <summary>One header's value (null when absent), in the shape a webhook verifier reads headers.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>
    /// Verifies with the StandardWebhooks package. Each <c>v1,…</c> entry is checked on its own header copy, so
    /// the assertion says which secret signed, and a header with several signatures needs one to match.
    /// </summary>
    public bool IsSignedWith(string secret) => Signatures.Any(signature =>
    {
        var headers = new HeaderDictionary(Headers.ToDictionary(h => h.Key, h => h.Value)) { ["webhook-signature"] = signature };
        try
        {
            new StandardWebhook(secret).Verify(Body, headers);
            return true;
        }
        catch (StandardWebhooks.Diagnostics.WebhookVerificationException)
        {
            return false;
        }
    });

    public string[] Signatures => Headers["webhook-signature"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
