using System.Security.Cryptography;

namespace Ekyc.Server.Data;

/// <summary>Prefixed opaque identifiers (<c>sess_…</c>, <c>doc_…</c>, <c>evt_…</c>): time-ordered then random.</summary>
public static class Ids
{
    private const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix)
    {
        // 9 base36 chars of milliseconds keep ids roughly creation-ordered; 16 random chars make them unguessable.
        Span<char> chars = stackalloc char[25];
        var millis = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = 8; i >= 0; i--, millis /= 36)
            chars[i] = Alphabet[(int)(millis % 36)];
        for (var i = 9; i < chars.Length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{prefix}_{chars}";
    }

    /// <summary>A high-entropy secret (API key, client token), base64url.</summary>
    public static string Secret(string prefix) =>
        $"{prefix}_{Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}
