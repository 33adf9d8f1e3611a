using Ekyc.Server.Options;

namespace Ekyc.Server.Engines;

/// <summary>Which engine serves each stage; a stage without an engine reports its checks as <c>not_run</c>.</summary>
public sealed record EngineStatus(IReadOnlyDictionary<string, string> Engines);

public static class EngineRegistration
{
    public static IServiceCollection AddEngines(this IServiceCollection services, IConfiguration configuration, EkycOptions options)
    {
        var engines = new Dictionary<string, string>
        {
            ["document"] = "unavailable",
            ["faces"] = "unavailable",
            ["screening"] = "unavailable",
        };
        services.AddSingleton(new EngineStatus(engines));
        return services;
    }
}
