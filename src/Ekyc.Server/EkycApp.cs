namespace Ekyc.Server;

/// <summary>Builds the web application; the CLI and the tests both start the server through here.</summary>
public static class EkycApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" }));
        return app;
    }
}
