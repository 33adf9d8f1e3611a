using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace Ekyc.Server.Cli;

/// <summary>
/// The tokens a command does not parse itself go to the configuration (<c>--urls http://+:8080</c>,
/// <c>--Ekyc:DataPath=/var/lib/ekyc</c>, <c>Key=value</c>). Anything else is a stray word, such as a mistyped command,
/// and fails the command instead of being ignored (which used to start the server on port 5000).
/// </summary>
public static class ConfigurationArguments
{
    /// <summary>The first token that is neither a <c>--key</c> (with its value) nor a <c>key=value</c>; null when all are.</summary>
    public static string? FirstStray(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.StartsWith("--", StringComparison.Ordinal) && token.Length > 2)
            {
                // "--key value": the next token is the value, whatever it looks like.
                if (!token.Contains('='))
                    i++;
                continue;
            }
            if (!token.StartsWith('-') && token.IndexOf('=') > 0)
                continue;
            return token;
        }
        return null;
    }

    /// <summary>
    /// Makes every command of the tree refuse stray words: the root and the commands that pass their unmatched tokens
    /// to the configuration accept option-like ones only, the others none, and a group (<c>users</c>) names the
    /// subcommand it does not know. Needed because the root's <c>TreatUnmatchedTokensAsErrors = false</c> also stops
    /// System.CommandLine from reporting the subcommands' unmatched tokens.
    /// </summary>
    public static void RejectStrayWords(Command command)
    {
        if (command.Action is AsynchronousCommandLineAction action)
            command.Action = new StrictAction(action, acceptsConfiguration: !command.TreatUnmatchedTokensAsErrors);
        else if (command.Action is null && command.Subcommands.Count > 0)
            command.Action = new GroupAction();
        foreach (var child in command.Subcommands)
            RejectStrayWords(child);
    }

    private static int Fail(ParseResult parseResult, string message)
    {
        parseResult.InvocationConfiguration.Error.WriteLine($"error: {message}. See --help for the commands and their options; configuration goes as --Key=value (e.g. --urls http://+:8080 or --Ekyc:DataPath=/var/lib/ekyc).");
        return 1;
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            if (result.Command is not RootCommand)
                names.Insert(0, result.Command.Name);
        }
        return string.Join(' ', names);
    }

    private sealed class StrictAction(AsynchronousCommandLineAction inner, bool acceptsConfiguration) : AsynchronousCommandLineAction
    {
        public override Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            var tokens = parseResult.UnmatchedTokens;
            var stray = acceptsConfiguration ? FirstStray(tokens) : tokens.FirstOrDefault();
            if (stray is null)
                return inner.InvokeAsync(parseResult, cancellationToken);
            var what = parseResult.CommandResult.Command is RootCommand ? "unknown command" : $"unexpected argument for '{CommandPath(parseResult)}'";
            return Task.FromResult(Fail(parseResult, $"{what}: '{stray}'"));
        }
    }

    private sealed class GroupAction : AsynchronousCommandLineAction
    {
        public override Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            var command = parseResult.CommandResult.Command;
            var known = string.Join(", ", command.Subcommands.Select(c => c.Name));
            var stray = parseResult.UnmatchedTokens.FirstOrDefault();
            return Task.FromResult(Fail(parseResult, stray is null
                ? $"'{CommandPath(parseResult)}' needs a command: {known}"
                : $"unknown command '{stray}' for '{CommandPath(parseResult)}' (known: {known})"));
        }
    }
}
