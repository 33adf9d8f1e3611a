using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ekyc.Client.Serialization;

namespace Ekyc.Client.Webhooks;

/// <summary>
/// Verifies Standard Webhooks requests: <c>webhook-signature</c> holds space-separated <c>v1,&lt;base64 HMAC-SHA256 of
/// "id.timestamp.body"&gt;</c> entries (several while the sender rotates its secret); the request is genuine when any entry
/// matches any of the configured secrets. Every entry is compared in constant time, and the timestamp must be within
/// the tolerance of the receiver's clock, so a captured request cannot be replayed later.
/// </summary>
public sealed class WebhookVerifier
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    private const string SecretPrefix = "whsec_";

    private readonly IReadOnlyList<byte[]> _keys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _time;

    /// <param name="secrets">Your endpoint's secrets (<c>whsec_…</c>); give the old and the new one while you rotate.</param>
    /// <param name="tolerance">How far the timestamp may be from now, either way (default 5 minutes).</param>
    /// <param name="time">The clock (default the system's).</param>
    public WebhookVerifier(IEnumerable<string> secrets, TimeSpan? tolerance = null, TimeProvider? time = null)
    {
        _keys = secrets.Select(KeyOf).ToList();
        if (_keys.Count == 0)
            throw new ArgumentException("At least one secret is needed.", nameof(secrets));
        _tolerance = tolerance ?? TimeSpan.FromMinutes(5);
        _time = time ?? TimeProvider.System;
    }

    public WebhookVerifier(string secret, TimeSpan? tolerance = null, TimeProvider? time = null)
        : this([secret], tolerance, time)
    {
    }

    /// <summary>Checks the request and returns its event; throws <see cref="WebhookVerificationException"/> otherwise.</summary>
    /// <param name="body">The raw body exactly as received (verify before any parsing or re-serialising).</param>
    /// <param name="id">The <c>webhook-id</c> header.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> header.</param>
    /// <param name="signature">The <c>webhook-signature</c> header.</param>
    public WebhookEvent Verify(string body, string? id, string? timestamp, string? signature)
    {
        VerifySignature(body, id, timestamp, signature);
        return JsonSerializer.Deserialize<WebhookEvent>(body, ClientJson.Options)
            ?? throw new WebhookVerificationException("The body is not an event.");
    }

    /// <summary>Reads the three headers from a request's headers (<c>HttpRequestMessage</c>, a test receiver).</summary>
    public WebhookEvent Verify(string body, HttpHeaders headers) =>
        Verify(body, Single(headers, IdHeader), Single(headers, TimestampHeader), Single(headers, SignatureHeader));

    /// <summary>Reads the three headers through a lookup, e.g. <c>name =&gt; request.Headers[name]</c> in ASP.NET Core.</summary>
    public WebhookEvent Verify(string body, Func<string, string?> header) =>
        Verify(body, header(IdHeader), header(TimestampHeader), header(SignatureHeader));

    /// <summary>Checks the signature and timestamp only.</summary>
    public void VerifySignature(string body, string? id, string? timestamp, string? signature)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            throw new WebhookVerificationException("Missing webhook-id, webhook-timestamp or webhook-signature.");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            throw new WebhookVerificationException("The webhook-timestamp is not Unix seconds.");
        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (age > _tolerance || -age > _tolerance)
            throw new WebhookVerificationException($"The webhook-timestamp is {age.TotalSeconds:0} s from now; the tolerance is {_tolerance.TotalSeconds:0} s.");

        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}");
        var expected = _keys.Select(key => HMACSHA256.HashData(key, signed)).ToList();
        var matched = false;
        // Every entry against every secret, without stopping at the first match: the time taken says nothing about which matched.
        foreach (var entry in signature.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = entry.IndexOf(',');
            if (comma < 0 || entry[..comma] != "v1" || !TryBase64(entry[(comma + 1)..], out var candidate))
                continue;
            foreach (var mac in expected)
                matched |= CryptographicOperations.FixedTimeEquals(mac, candidate);
        }
        if (!matched)
            throw new WebhookVerificationException("No webhook-signature entry matches a configured secret.");
    }

    private static byte[] KeyOf(string secret)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        return TryBase64(encoded, out var key) && key.Length > 0
            ? key
            : throw new ArgumentException("A webhook secret is 'whsec_' followed by base64.", nameof(secret));
    }

    private static bool TryBase64(string text, out byte[] bytes)
    {
        var buffer = new byte[text.Length];
        if (Convert.TryFromBase64String(text, buffer, out var written))
        {
            bytes = buffer[..written];
            return true;
        }
        bytes = [];
        return false;
    }

    private static string? Single(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(' ', values) : null;
}
