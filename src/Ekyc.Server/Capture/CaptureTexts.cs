using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace Ekyc.Server.Capture;

/// <summary>
/// The capture page's texts, one JSON resource file per language (<c>Capture/Texts/{lang}.json</c>, embedded). The
/// language is <c>?lang=</c> when supported, else the best <c>Accept-Language</c> match, else English. Every
/// language file must have exactly the keys of the English one (a test holds them to it).
/// </summary>
public sealed class CaptureTexts
{
    public const string DefaultLanguage = "en";
    private const string Prefix = "capture-texts/";

    private readonly Dictionary<string, JsonObject> _languages = new(StringComparer.OrdinalIgnoreCase);

    public CaptureTexts()
    {
        var assembly = typeof(CaptureTexts).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            _languages[Path.GetFileNameWithoutExtension(name[Prefix.Length..])] = JsonNode.Parse(stream)!.AsObject();
        }
    }

    public IReadOnlyCollection<string> Languages => _languages.Keys;

    public JsonObject For(string language) => _languages[language];

    public string Text(string language, string key) => _languages[language][key]?.GetValue<string>() ?? _languages[DefaultLanguage][key]!.GetValue<string>();

    public string Negotiate(HttpRequest request)
    {
        if (request.Query["lang"].ToString() is { Length: > 0 } asked && _languages.ContainsKey(asked))
            return asked.ToLowerInvariant();
        var ranked = request.GetTypedHeaders().AcceptLanguage
            .Where(v => v.Value.HasValue)
            .OrderByDescending(v => v.Quality ?? 1.0);
        foreach (var value in ranked)
        {
            var tag = value.Value.Value!;
            var primary = tag.Split('-')[0];
            if (_languages.ContainsKey(primary))
                return primary.ToLowerInvariant();
        }
        return DefaultLanguage;
    }

    /// <summary>The texts as a JSON data block for the page (not script: the CSP does not apply to it, nothing runs).</summary>
    public string JsonFor(string language) => For(language).ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });

    public static string Culture(string language) => CultureInfo.GetCultureInfo(language).Name;
}
