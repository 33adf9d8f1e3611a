using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace Ekyc.Server.Options;

/// <summary>
/// The configuration sources the server and the CLI share, lowest precedence first: quiet logging defaults,
/// <c>appsettings.json</c> beside the executable, <c>appsettings.json</c> in the content root (the working directory),
/// environment variables, then <c>--Key=value</c> arguments.
/// </summary>
public static class ConfigurationSources
{
    private const string AppSettings = "appsettings.json";

    /// <summary>
    /// Per-request logs from ASP.NET Core, routing and HttpClient stay below Information, so a busy server does not
    /// write a line per request; the startup messages (<c>Microsoft.Hosting.Lifetime</c>, ours) stay visible.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> QuietLogging = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
    };

    /// <summary>Adds the defaults and the executable's <c>appsettings.json</c> under the host's own sources.</summary>
    public static void AddServerDefaults(IConfigurationBuilder configuration)
    {
        var sources = configuration.Sources;
        var contentRootSettings = sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: AppSettings });
        var at = contentRootSettings < 0 ? 0 : contentRootSettings;
        sources.Insert(at, BaseDirectorySettings());
        sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietLogging });
    }

    /// <summary>The CLI's configuration, from the same sources as the server's.</summary>
    public static IConfigurationRoot ForCli(string[] args) => new ConfigurationBuilder()
        .Add(new MemoryConfigurationSource { InitialData = QuietLogging })
        .Add(BaseDirectorySettings())
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), AppSettings), optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args)
        .Build();

    private static JsonConfigurationSource BaseDirectorySettings()
    {
        var source = new JsonConfigurationSource { Path = Path.Combine(AppContext.BaseDirectory, AppSettings), Optional = true };
        source.ResolveFileProvider();
        return source;
    }
}
