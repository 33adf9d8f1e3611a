using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Html;

namespace Ekyc.Server.Review.Evidence;

/// <summary>
/// Renders a check's evidence, whatever its shape, as accessible HTML: an object as a definition list, a list of
/// objects as a table with one column per key, a list of values inline, an MRZ line in a monospace block. The
/// engines add evidence as they evolve; it appears here without a change to the console. A row whose
/// <c>passed</c> or <c>ok</c> is false is marked, so the failing signal stands out.
/// </summary>
public static class EvidenceHtml
{
    private const int MaxDepth = 8;

    public static IHtmlContent Render(object? value) => new HtmlString(Write(ToElement(value), 0));

    public static JsonElement ToElement(object? value) => value is JsonElement element ? element : JsonSerializer.SerializeToElement(value, Json.Options);

    private static string Write(JsonElement value, int depth) => value.ValueKind switch
    {
        _ when depth > MaxDepth => Encode(value.GetRawText()),
        JsonValueKind.Object => Object(value, depth),
        JsonValueKind.Array => Array(value, depth),
        _ => Scalar(value),
    };

    private static string Object(JsonElement value, int depth)
    {
        var properties = value.EnumerateObject().ToList();
        if (properties.Count == 0)
            return "<span class=\"muted\">—</span>";
        var html = new System.Text.StringBuilder("<dl class=\"evidence\">");
        foreach (var property in properties)
            html.Append("<div><dt>").Append(Encode(Label(property.Name))).Append("</dt><dd>").Append(Write(property.Value, depth + 1)).Append("</dd></div>");
        return html.Append("</dl>").ToString();
    }

    private static string Array(JsonElement value, int depth)
    {
        var items = value.EnumerateArray().ToList();
        if (items.Count == 0)
            return "<span class=\"muted\">—</span>";
        if (items.All(i => i.ValueKind == JsonValueKind.String) && items.Any(i => i.GetString()!.Contains('<')))
            return "<pre class=\"mrz\">" + string.Join("\n", items.Select(i => Encode(i.GetString()!))) + "</pre>";
        if (items.All(i => i.ValueKind == JsonValueKind.Object))
            return Table(items, depth);
        if (items.All(i => i.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)))
            return string.Join(", ", items.Select(Scalar));
        return "<ol class=\"evidence\">" + string.Concat(items.Select(i => "<li>" + Write(i, depth + 1) + "</li>")) + "</ol>";
    }

    private static string Table(List<JsonElement> rows, int depth)
    {
        var columns = rows.SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Distinct().ToList();
        var html = new System.Text.StringBuilder("<div class=\"scroll\"><table class=\"evidence\"><thead><tr>");
        foreach (var column in columns)
            html.Append("<th scope=\"col\">").Append(Encode(Label(column))).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            var failed = columns.Any(c => c is "passed" or "ok" && row.TryGetProperty(c, out var v) && v.ValueKind == JsonValueKind.False);
            html.Append(failed ? "<tr class=\"failed\">" : "<tr>");
            foreach (var column in columns)
                html.Append("<td>").Append(row.TryGetProperty(column, out var cell) ? Write(cell, depth + 1) : "").Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table></div>").ToString();
    }

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when value.GetString()!.Contains("<<") => "<code class=\"mrz\">" + Encode(value.GetString()!) + "</code>",
        JsonValueKind.String => Encode(value.GetString()!),
        JsonValueKind.Number => Encode(value.GetDouble().ToString("0.####", CultureInfo.InvariantCulture)),
        JsonValueKind.True => "<span class=\"yes\">true</span>",
        JsonValueKind.False => "<span class=\"no\">false</span>",
        _ => "<span class=\"muted\">—</span>",
    };

    private static string Label(string key) => key.Replace('_', ' ');

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
