using System.CommandLine;
using Ekyc.Server.Data;
using Ekyc.Server.Review.Accounts;

namespace Ekyc.Server.Cli;

/// <summary>
/// <c>users create|list|disable|reset-link</c>: review console accounts. A new account gets a one-time link to set
/// its password; the CLI never sees or prints a password.
/// </summary>
public static class UsersCommand
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "Tenant name or id (it must exist: `keys create --tenant NAME`).", Required = true };
        var email = new Option<string>("--email") { Description = "The reviewer's email, used to sign in.", Required = true };
        var role = new Option<string>("--role") { Description = "reviewer (decides sessions) or admin (also reads the audit trail).", DefaultValueFactory = _ => ConsoleRole.Reviewer };
        role.AcceptOnlyFromAmong(ConsoleRole.Reviewer, ConsoleRole.Admin);
        var create = new Command("create", "Create a console account and print its one-time link to set a password.") { tenant, email, role };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction((result, token) => RunAsync(result, async accounts =>
        {
            var (user, link) = await accounts.CreateAsync(result.GetValue(tenant)!, result.GetValue(email)!, result.GetValue(role)!, token);
            Console.WriteLine($"user_id:   {user.Id}");
            Console.WriteLine($"tenant_id: {user.TenantId}");
            Console.WriteLine($"role:      {user.Role}");
            Console.WriteLine($"set the password (once, within its lifetime): {link}");
        }, token));

        var listTenant = new Option<string?>("--tenant") { Description = "Only this tenant (id)." };
        var list = new Command("list", "List console accounts.") { listTenant };
        list.TreatUnmatchedTokensAsErrors = false;
        list.SetAction((result, token) => RunAsync(result, async accounts =>
        {
            foreach (var user in await accounts.ListAsync(result.GetValue(listTenant), token))
            {
                var state = user.DisabledAt is not null ? "disabled" : user.PasswordHash is null ? "invited" : user.LockedUntil > DateTimeOffset.UtcNow ? "locked" : "active";
                Console.WriteLine($"{user.Id}  {user.TenantId}  {user.Email,-32} {user.Role,-8} {state,-8} last sign-in {user.LastSignInAt?.ToString("u") ?? "never"}");
            }
        }, token));

        var disableEmail = new Option<string>("--email") { Required = true };
        var disable = new Command("disable", "Disable an account; its open sessions end at their next request.") { disableEmail };
        disable.TreatUnmatchedTokensAsErrors = false;
        disable.SetAction((result, token) => RunAsync(result, async accounts =>
        {
            if (!await accounts.DisableAsync(result.GetValue(disableEmail)!, token))
                throw new ArgumentException($"No account {result.GetValue(disableEmail)}.");
            Console.WriteLine("disabled");
        }, token));

        var resetEmail = new Option<string>("--email") { Required = true };
        var reset = new Command("reset-link", "Print a new one-time link to set the password of an account.") { resetEmail };
        reset.TreatUnmatchedTokensAsErrors = false;
        reset.SetAction((result, token) => RunAsync(result, async accounts =>
            Console.WriteLine($"set the password (once, within its lifetime): {await accounts.ResetLinkAsync(result.GetValue(resetEmail)!, token)}"), token));

        return new Command("users", "Manage review console accounts.") { create, list, disable, reset };
    }

    private static async Task<int> RunAsync(ParseResult result, Func<ConsoleAccounts, Task> work, CancellationToken token)
    {
        await using var services = CliHost.Create(result.UnmatchedTokens.ToArray());
        await Migrations.ApplyAsync(services.GetRequiredService<Database>(), services.GetRequiredService<Storage.Encryptor>(), token);
        try
        {
            await work(services.GetRequiredService<ConsoleAccounts>());
            return 0;
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(error.Message);
            return 1;
        }
    }
}
