using Ekyc.Server.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Server.Tests.Infrastructure;

public static class Tenants
{
    /// <summary>Creates another tenant with its own key, as <c>keys create --tenant</c> does.</summary>
    public static Task<(string TenantId, string ApiKey)> CreateOtherTenantAsync(this IServiceProvider services) =>
        services.GetRequiredService<ApiKeys>().CreateKeyAsync("tenant-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>A second API key of the initial tenant, as <c>keys create --tenant default</c> does.</summary>
    public static Task<(string TenantId, string ApiKey)> CreateKeyForInitialTenantAsync(this IServiceProvider services) =>
        services.GetRequiredService<ApiKeys>().CreateKeyAsync(Bootstrap.DefaultTenant);
}
