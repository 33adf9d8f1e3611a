using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ekyc.Server.Cli;

/// <summary>Options and JSON settings shared by the screening commands.</summary>
internal static class ScreeningCliOptions
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static Option<string?> Data() => new("--data") { Description = "Data folder (Ekyc:DataPath); lists live in <data>/lists. Default: ./data." };

    public static Option<string?> Lists() => new("--lists") { Description = "The lists folder itself, e.g. the repository's lists/ (overrides --data)." };

    public static string ListsFolder(ParseResult result, Option<string?> data, Option<string?> lists) =>
        result.GetValue(lists) ?? Path.Combine(result.GetValue(data) ?? "data", "lists");
}
