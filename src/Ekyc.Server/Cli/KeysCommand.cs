using System.CommandLine;
using Ekyc.Server.Auth;
using Ekyc.Server.Data;

namespace Ekyc.Server.Cli;

/// <summary><c>keys create --tenant NAME</c>: a new API key for a tenant (created when new), printed once.</summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "Tenant name (created if it does not exist).", Required = true };
        var create = new Command("create", "Create an API key for a tenant; the key is printed once and stored only as a hash.") { tenant };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction(async (result, token) =>
        {
            using var services = CliHost.Create(result.UnmatchedTokens.ToArray());
            await Migrations.ApplyAsync(services.GetRequiredService<Database>(), token);
            var (tenantId, key) = await services.GetRequiredService<ApiKeyStore>().CreateKeyAsync(result.GetValue(tenant)!, token);
            Console.WriteLine($"tenant_id: {tenantId}");
            Console.WriteLine($"api_key:   {key}");
            return 0;
        });
        return new Command("keys", "Manage tenant API keys.") { create };
    }
}
