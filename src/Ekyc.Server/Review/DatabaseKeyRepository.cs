using System.Xml.Linq;
using Dapper;
using Ekyc.Server.Data;
using Ekyc.Server.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Ekyc.Server.Review;

/// <summary>
/// Keeps the ASP.NET Core Data Protection keys (which sign the console's cookies and antiforgery tokens) in the
/// database, sealed with the master key: every replica reads the same keys, so a reviewer signed in through one
/// process stays signed in on the others, and a restart signs nobody out.
/// </summary>
public sealed class DatabaseKeyRepository(Database database, Encryptor encryptor) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        return connection.Query<(string Name, string XmlEnc)>("SELECT name, xml_enc FROM data_protection_keys ORDER BY created_at")
            .Select(r => XElement.Parse(encryptor.DecryptField(r.XmlEnc, r.Name)!)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        connection.Execute("INSERT INTO data_protection_keys (name, xml_enc, created_at) VALUES (@friendlyName, @xml, @at)",
            new { friendlyName, xml = encryptor.EncryptField(element.ToString(SaveOptions.DisableFormatting), friendlyName), at = Clock.Format(DateTimeOffset.UtcNow) });
    }
}
