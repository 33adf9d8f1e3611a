using System.Globalization;
using System.Text;
using Ekyc.Server.Errors;

namespace Ekyc.Server.Data;

/// <summary>
/// Opaque keyset cursor for newest-first lists: the (created_at, id) of the last row of a page, base64url.
/// </summary>
public static class PageCursor
{
    public static string Encode(DateTimeOffset createdAt, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Clock.Format(createdAt)}|{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stored (created_at, id) pair; a cursor this API did not issue is a 400 naming the field.</summary>
    public static (string CreatedAt, string Id) Decode(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            _ = DateTimeOffset.Parse(parts[0], CultureInfo.InvariantCulture);
            return (parts[0], parts[1]);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException)
        {
            throw Problems.Invalid("cursor", "Not a cursor returned by this API.");
        }
    }
}
