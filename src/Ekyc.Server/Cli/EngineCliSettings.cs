using System.CommandLine;
using Ekyc.Server.Options;
using Ekyc.Verification.Documents;
using Ekyc.Verification.Faces;

namespace Ekyc.Server.Cli;

/// <summary>
/// What the engine commands (<c>inspect</c>, <c>calibrate</c>) run with: the server's own configuration (appsettings.json,
/// <c>Ekyc__…</c> variables, <c>--Ekyc:…</c> tokens), so a command judges a file exactly as the server would. An explicit
/// <c>--models</c> wins over <c>Ekyc:ModelsPath</c>.
/// </summary>
internal sealed record EngineCliSettings(string? ModelsPath, DocumentOptions Documents, FaceOptions Faces)
{
    public static Option<string?> ModelsOption() =>
        new("--models") { Description = "Folder holding the npm models. Default: the server's Ekyc:ModelsPath, else models/node_modules found upwards." };

    /// <summary>Lets the command take configuration tokens (<c>--Ekyc:Faces:MatchPassThreshold=0.5</c>) besides its own.</summary>
    public static void AcceptConfiguration(Command command) => command.TreatUnmatchedTokensAsErrors = false;

    public static EngineCliSettings Read(ParseResult result, Option<string?> models)
    {
        var configuration = ConfigurationSources.ForCli([.. result.UnmatchedTokens]);
        var server = EkycApp.ReadOptions(configuration);
        return new EngineCliSettings(result.GetValue(models) ?? server.ModelsPath,
            ValidatedOptions.Read<DocumentOptions>(configuration, "Ekyc:Documents"),
            ValidatedOptions.Read<FaceOptions>(configuration, "Ekyc:Faces"));
    }
}
