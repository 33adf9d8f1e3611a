using System.Security.Cryptography;
using System.Text;

namespace Ekyc.Server.Storage;

/// <summary>
/// AES-256-GCM under purpose-specific keys derived (HKDF-SHA256) from the master key. The associated data
/// binds a ciphertext to its owner (blob id, session id), so swapping ciphertexts between rows is detected.
/// Layout: version byte, 12-byte nonce, 16-byte tag, ciphertext.
/// </summary>
public sealed class Encryptor
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _blobKey;
    private readonly byte[] _fieldKey;
    private readonly byte[] _lookupKey;

    public Encryptor(byte[] masterKey)
    {
        if (masterKey.Length != 32)
            throw new ArgumentException("The master key must be 32 bytes.", nameof(masterKey));
        _blobKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "ekyc/blobs/v1"u8.ToArray());
        _fieldKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "ekyc/fields/v1"u8.ToArray());
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "ekyc/lookup/v1"u8.ToArray());
    }

    /// <summary>
    /// A keyed hash (HMAC-SHA256, hex) of a sealed field, so an exact-match filter can find it without the
    /// plaintext in the database; the scope (e.g. the tenant) keeps equal values of different scopes apart.
    /// </summary>
    public string LookupHash(string scope, string plaintext) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_lookupKey, Encoding.UTF8.GetBytes(scope + "\n" + plaintext)));

    public byte[] EncryptBlob(ReadOnlySpan<byte> plaintext, string owner) => Encrypt(_blobKey, plaintext, owner);

    public byte[] DecryptBlob(ReadOnlySpan<byte> sealedData, string owner) => Decrypt(_blobKey, sealedData, owner);

    /// <summary>Encrypts a PII text field to base64 (null stays null).</summary>
    public string? EncryptField(string? plaintext, string owner) =>
        plaintext is null ? null : Convert.ToBase64String(Encrypt(_fieldKey, Encoding.UTF8.GetBytes(plaintext), owner));

    public string? DecryptField(string? sealedBase64, string owner) =>
        sealedBase64 is null ? null : Encoding.UTF8.GetString(Decrypt(_fieldKey, Convert.FromBase64String(sealedBase64), owner));

    private static byte[] Encrypt(byte[] key, ReadOnlySpan<byte> plaintext, string owner)
    {
        var output = new byte[1 + NonceSize + TagSize + plaintext.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(owner));
        return output;
    }

    private static byte[] Decrypt(byte[] key, ReadOnlySpan<byte> sealedData, string owner)
    {
        if (sealedData.Length < 1 + NonceSize + TagSize || sealedData[0] != Version)
            throw new CryptographicException("Not an Ekyc ciphertext.");
        var plaintext = new byte[sealedData.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedData.Slice(1, NonceSize), sealedData[(1 + NonceSize + TagSize)..], sealedData.Slice(1 + NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(owner));
        return plaintext;
    }
}
