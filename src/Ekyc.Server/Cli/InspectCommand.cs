using System.CommandLine;

namespace Ekyc.Server.Cli;

/// <summary><c>inspect</c>: run one engine on local files and print its result (e.g. <c>inspect document</c>, <c>inspect face</c>).</summary>
public static class InspectCommand
{
    public static Command Create(params Command[] subcommands)
    {
        var command = new Command("inspect", "Run an engine on local image files and print its JSON result.");
        foreach (var subcommand in subcommands)
            command.Subcommands.Add(subcommand);
        return command;
    }
}
