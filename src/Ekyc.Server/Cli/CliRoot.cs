using System.CommandLine;

namespace Ekyc.Server.Cli;

/// <summary>
/// The one executable's commands. With no command it serves; unknown tokens (<c>--urls</c>, <c>--Ekyc:DataPath=…</c>)
/// go to the ASP.NET Core configuration, and a stray word (a mistyped command) fails (<see cref="ConfigurationArguments"/>).
/// </summary>
public static class CliRoot
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Ekyc: self-hosted identity verification server.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var serve = ServeCommand.Create();
        root.Subcommands.Add(serve);
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(InspectCommand.Create(InspectDocumentCommand.Create(), InspectFaceCommand.Create()));
        root.Subcommands.Add(new Command("calibrate", "Calibrate engine thresholds on labelled data.") { CalibrateFacesCommand.Create() });
        ScreeningCli.AddTo(root);
        root.SetAction((result, token) => ServeCommand.RunAsync(result.UnmatchedTokens.ToArray(), token));
        ConfigurationArguments.RejectStrayWords(root);
        return root;
    }
}
