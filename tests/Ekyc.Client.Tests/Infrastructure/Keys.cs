using Ekyc.Server;
using Ekyc.Server.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Client.Tests.Infrastructure;

public static class Keys
{
    /// <summary>Another secret key of the initial tenant, as <c>keys create --tenant default</c> makes (its own rate-limit bucket).</summary>
    public static Task<(string TenantId, string ApiKey)> CreateKeyAsync(this IServiceProvider services) =>
        services.GetRequiredService<ApiKeys>().CreateKeyAsync(Bootstrap.DefaultTenant);
}
