using System.Xml.Linq;
using Ekyc.Server.Storage;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Ekyc.Server.Review;

/// <summary>Seals the secret part of each Data Protection key with the master key (AES-256-GCM), like the other secrets at rest.</summary>
public sealed class MasterKeyXmlEncryptor(Encryptor encryptor) : IXmlEncryptor
{
    internal const string Owner = "data-protection-key";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement("sealed", encryptor.EncryptField(plaintextElement.ToString(SaveOptions.DisableFormatting), Owner)), typeof(MasterKeyXmlDecryptor));
}

/// <summary>Opens what <see cref="MasterKeyXmlEncryptor"/> sealed; Data Protection creates it by type with the service provider.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<Encryptor>().DecryptField(encryptedElement.Value, MasterKeyXmlEncryptor.Owner)!);
}
