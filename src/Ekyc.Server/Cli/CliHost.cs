using Ekyc.Server.Options;

namespace Ekyc.Server.Cli;

/// <summary>The server's services without the web host, configured from the same sources (appsettings, environment, <c>--Ekyc:…</c>).</summary>
public static class CliHost
{
    public static ServiceProvider Create(string[] args)
    {
        var configuration = ConfigurationSources.ForCli(args);
        var options = EkycApp.ReadOptions(configuration);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddEkycServices(configuration, options);
        return services.BuildServiceProvider();
    }
}
