using System.Security.Cryptography;
using Ekyc.Server.Sessions;
using Ekyc.Server.Storage;

namespace Ekyc.Server.Tests.Storage;

public class EncryptorTests
{
    private readonly Encryptor _encryptor = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_sealed_column_opens_only_in_its_own_row_and_column()
    {
        var metadata = _encryptor.EncryptField("{\"plan\":\"gold\"}", SessionStore.Owner("sess_a", "metadata"));
        Assert.Equal("{\"plan\":\"gold\"}", _encryptor.DecryptField(metadata, SessionStore.Owner("sess_a", "metadata")));
        Assert.ThrowsAny<CryptographicException>(() => _encryptor.DecryptField(metadata, SessionStore.Owner("sess_a", "results")));
        Assert.ThrowsAny<CryptographicException>(() => _encryptor.DecryptField(metadata, SessionStore.Owner("sess_b", "metadata")));
    }

    [Fact]
    public void Lookup_hashes_are_keyed_and_scoped()
    {
        var other = new Encryptor(RandomNumberGenerator.GetBytes(32));
        Assert.Equal(_encryptor.LookupHash("ten_1", "customer-42"), _encryptor.LookupHash("ten_1", "customer-42"));
        Assert.NotEqual(_encryptor.LookupHash("ten_1", "customer-42"), _encryptor.LookupHash("ten_2", "customer-42"));
        Assert.NotEqual(_encryptor.LookupHash("ten_1", "customer-42"), other.LookupHash("ten_1", "customer-42"));
    }
}
