using System.CommandLine;

namespace Ekyc.Server.Cli;

/// <summary>Registers the screening commands: <c>lists</c>, <c>screen</c> and <c>screening evaluate</c>.</summary>
public static class ScreeningCli
{
    public static void AddTo(RootCommand root)
    {
        root.Subcommands.Add(ListsCommand.Create());
        root.Subcommands.Add(ScreenCommand.Create());
        root.Subcommands.Add(ScreeningEvaluateCommand.Create());
    }
}
