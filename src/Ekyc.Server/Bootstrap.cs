using Ekyc.Server.Auth;
using Ekyc.Server.Data;
using Ekyc.Server.Storage;

namespace Ekyc.Server;

/// <summary>
/// First-start work, before the server listens: apply migrations, and on an empty database create a
/// tenant whose API key is printed once and written to a 0600 file in the data folder. Several processes
/// may start at once on one PostgreSQL database: exactly one of them creates the tenant and holds its key.
/// </summary>
public static class Bootstrap
{
    public const string DefaultTenant = "default";

    public static void Run(IServiceProvider services, ILogger logger)
    {
        var folder = services.GetRequiredService<DataFolder>();
        var database = services.GetRequiredService<Database>();
        Migrations.ApplyAsync(database, services.GetRequiredService<Encryptor>()).GetAwaiter().GetResult();
        Engines.EngineRegistration.Warm(services);
        var keys = services.GetRequiredService<ApiKeys>();
        if (keys.CreateInitialAsync(DefaultTenant).GetAwaiter().GetResult() is not { } created)
            return;
        var (tenant, key) = created;
        DataFolder.WriteSecret(folder.InitialApiKeyPath, key + "\n");
        // Printed once on purpose: this is the only time the plaintext key exists outside its 0600 file.
        Console.WriteLine($"""

            Ekyc: created tenant '{DefaultTenant}' ({tenant}).
            API key (shown once, also saved to {folder.InitialApiKeyPath}):

                {key}

            """);
        logger.LogInformation("Created the initial tenant {Tenant}; its API key is in {Path}", tenant, folder.InitialApiKeyPath);
    }
}
