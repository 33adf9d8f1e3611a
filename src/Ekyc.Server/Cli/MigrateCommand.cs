using System.CommandLine;
using Ekyc.Server.Data;
using Ekyc.Server.Storage;

namespace Ekyc.Server.Cli;

/// <summary><c>migrate</c>: apply the database schema scripts and exit.</summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations and exit.") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(async (result, token) =>
        {
            await using var services = CliHost.Create(result.UnmatchedTokens.ToArray());
            var database = services.GetRequiredService<Database>();
            var applied = await Migrations.ApplyAsync(database, services.GetRequiredService<Encryptor>(), token);
            Console.WriteLine($"{database.Description}: {applied} migration(s) applied, schema version {Migrations.Latest}.");
            return 0;
        });
        return command;
    }
}
