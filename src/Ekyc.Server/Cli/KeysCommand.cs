using System.CommandLine;
using Ekyc.Server.Auth;
using Ekyc.Server.Data;
using Ekyc.Server.Storage;

namespace Ekyc.Server.Cli;

/// <summary><c>keys create|list|revoke</c>: a tenant's API keys. A key is printed once and stored only as a hash.</summary>
public static class KeysCommand
{
    public static Command Create() => new("keys", "Manage tenant API keys.") { CreateKey(), List(), Revoke() };

    private static Command CreateKey()
    {
        var tenant = new Option<string>("--tenant") { Description = "Tenant name (created if it does not exist).", Required = true };
        var test = new Option<bool>("--test") { Description = "A test key (ek_test_…): its sessions are decided by the sandbox, never by the engines, and it sees only test data." };
        var create = new Command("create", "Create an API key for a tenant; the key is printed once and stored only as a hash.") { tenant, test };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction(async (result, token) =>
        {
            await using var services = CliHost.Create(result.UnmatchedTokens.ToArray());
            await Migrations.ApplyAsync(services.GetRequiredService<Database>(), services.GetRequiredService<Encryptor>(), token);
            var (tenantId, key) = await services.GetRequiredService<ApiKeys>().CreateKeyAsync(result.GetValue(tenant)!, !result.GetValue(test), token);
            Console.WriteLine($"tenant_id: {tenantId}");
            Console.WriteLine($"api_key:   {key}");
            return 0;
        });
        return create;
    }

    private static Command List()
    {
        var tenant = new Option<string?>("--tenant") { Description = "Only this tenant's keys." };
        var list = new Command("list", "List keys: id, tenant, prefix, created and revoked dates (never the key).") { tenant };
        list.TreatUnmatchedTokensAsErrors = false;
        list.SetAction(async (result, token) =>
        {
            await using var services = CliHost.Create(result.UnmatchedTokens.ToArray());
            await Migrations.ApplyAsync(services.GetRequiredService<Database>(), services.GetRequiredService<Encryptor>(), token);
            var keys = await services.GetRequiredService<ApiKeys>().ListAsync(result.GetValue(tenant), token);
            Console.WriteLine($"{"id",-30} {"tenant",-24} {"prefix",-14} {"created_at",-26} revoked_at");
            foreach (var key in keys)
                Console.WriteLine($"{key.Id,-30} {key.TenantName,-24} {key.Prefix,-14} {key.CreatedAt,-26} {key.RevokedAt ?? "-"}");
            return 0;
        });
        return list;
    }

    private static Command Revoke()
    {
        var id = new Argument<string>("id") { Description = "The key's id (key_…), as `keys list` shows it." };
        var revoke = new Command("revoke", "Revoke a key; every server refuses it from the next request on.") { id };
        revoke.TreatUnmatchedTokensAsErrors = false;
        revoke.SetAction(async (result, token) =>
        {
            await using var services = CliHost.Create(result.UnmatchedTokens.ToArray());
            await Migrations.ApplyAsync(services.GetRequiredService<Database>(), services.GetRequiredService<Encryptor>(), token);
            if (!await services.GetRequiredService<ApiKeys>().RevokeAsync(result.GetValue(id)!, token))
            {
                Console.Error.WriteLine($"No active key '{result.GetValue(id)}'.");
                return 1;
            }
            Console.WriteLine($"revoked: {result.GetValue(id)}");
            return 0;
        });
        return revoke;
    }
}
