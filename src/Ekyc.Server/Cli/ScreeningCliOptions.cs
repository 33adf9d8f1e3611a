using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ekyc.Server.Engines;
using Ekyc.Server.Options;

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

    public static Option<string?> Data() => new("--data") { Description = "Data folder; lists live in <data>/lists. Default: the server's configuration (Ekyc:DataPath, Ekyc:Screening:ListsPath)." };

    public static Option<string?> Lists() => new("--lists") { Description = "The lists folder itself, e.g. the repository's lists/ (overrides --data)." };

    /// <summary>
    /// The explicit flags win; otherwise the folder the server uses, from the same configuration (appsettings.json,
    /// <c>Ekyc__DataPath</c>, <c>--Ekyc:DataPath=…</c> among the command's other tokens).
    /// </summary>
    public static string ListsFolder(ParseResult result, Option<string?> data, Option<string?> lists)
    {
        if (result.GetValue(lists) is { } listsFolder)
            return listsFolder;
        if (result.GetValue(data) is { } dataFolder)
            return Path.Combine(dataFolder, "lists");
        var configuration = ConfigurationSources.ForCli([.. result.UnmatchedTokens]);
        return EngineRegistration.ListsFolder(configuration["Ekyc:Screening:ListsPath"], EkycApp.ReadOptions(configuration));
    }
}
