using System.Xml.Linq;
using Dapper;
using Ekyc.Server.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Ekyc.Server.Review;

/// <summary>
/// Keeps the ASP.NET Core Data Protection keys (which protect the console's cookies and antiforgery tokens) in the
/// database: every replica reads the same keys, so a reviewer signed in through one process stays signed in on the
/// others, and a restart signs nobody out. The key material in them is sealed by <see cref="MasterKeyXmlEncryptor"/>.
/// </summary>
public sealed class DatabaseKeyRepository(Database database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml_enc FROM data_protection_keys ORDER BY created_at").Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.OpenAsync().GetAwaiter().GetResult();
        connection.Execute("INSERT INTO data_protection_keys (name, xml_enc, created_at) VALUES (@friendlyName, @xml, @at)",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), at = Clock.Format(DateTimeOffset.UtcNow) });
    }
}
