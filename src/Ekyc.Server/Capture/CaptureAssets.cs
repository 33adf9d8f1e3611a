using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Ekyc.Server.Capture;

/// <summary>
/// The capture page's static files, embedded in the server assembly (<c>Capture/wwwroot</c>) and read once at start:
/// the page works from the executable alone, on a LAN without internet. Each answer carries a strong ETag.
/// </summary>
public sealed class CaptureAssets
{
    private const string Prefix = "capture/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json; charset=utf-8",
    };

    private readonly Dictionary<string, Asset> _assets = new(StringComparer.Ordinal);

    public CaptureAssets()
    {
        var assembly = typeof(CaptureAssets).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var path = name[Prefix.Length..].Replace('\\', '/');
            var bytes = Read(assembly, name);
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"";
            _assets[path] = new Asset(bytes, ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream"), etag);
        }
    }

    public Asset? Find(string path) => _assets.GetValueOrDefault(path);

    public IResult Serve(HttpContext http, string path)
    {
        if (Find(path) is not { } asset || path == "index.html")
            return TypedResults.NotFound();
        CaptureHeaders.Apply(http.Response);
        // Revalidated on every use (cheap 304s): a server upgrade is seen at once, with no fingerprinted names to build.
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = asset.ETag;
        if (http.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(asset.Bytes, asset.ContentType);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    public sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}

/// <summary>Headers of every capture page answer: a strict CSP (nothing but this origin, no inline code) and no Referer.</summary>
public static class CaptureHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; media-src 'self' blob:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
        response.Headers["Cross-Origin-Opener-Policy"] = "same-origin";
        response.Headers[HeaderNames.XFrameOptions] = "DENY";
    }
}
