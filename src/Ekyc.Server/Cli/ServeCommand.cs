using System.CommandLine;

namespace Ekyc.Server.Cli;

/// <summary><c>serve</c>: run the HTTP API and the workers (the default command).</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run the HTTP API and the background workers (default).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((result, token) => RunAsync(result.UnmatchedTokens.ToArray(), token));
        return command;
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = EkycApp.Build(args);
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
