using Ekyc.Server.Auth;
using Ekyc.Server.Capture;
using Ekyc.Server.Data;
using Ekyc.Server.Engines;
using Ekyc.Server.Errors;
using Ekyc.Server.Events;
using Ekyc.Server.Health;
using Ekyc.Server.Idempotency;
using Ekyc.Server.Jobs;
using Ekyc.Server.Liveness;
using Ekyc.Server.OpenApi;
using Ekyc.Server.Options;
using Ekyc.Server.RateLimiting;
using Ekyc.Server.Sandbox;
using Ekyc.Server.Review;
using Ekyc.Server.Sessions;
using Ekyc.Server.Storage;
using Ekyc.Server.Telemetry;
using Ekyc.Server.Uploads;
using Ekyc.Server.Webhooks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

namespace Ekyc.Server;

/// <summary>Builds the web application; the CLI and the tests both start the server through here.</summary>
public static class EkycApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        ConfigurationSources.AddServerDefaults(builder.Configuration);
        configure?.Invoke(builder);
        var options = ReadOptions(builder.Configuration);
        builder.Services.AddEkycServices(builder.Configuration, options);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.Uploads.MaxBytes * options.Uploads.MaxSelfieFrames + 1024 * 1024);

        var app = builder.Build();
        Bootstrap.Run(app.Services, app.Logger);

        app.UseExceptionHandler();
        IdempotencyFilter.BufferIdempotentBodies(app);
        app.UseStatusCodePages();
        app.UseReviewConsole();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseRateLimitHeaders(options.RateLimit);
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapHealthApi();
        app.MapEkycTelemetry(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value);
        if (options.RunsApi)
        {
            app.MapSessionsApi();
            app.MapLivenessApi();
            app.MapWebhooksApi();
            app.MapCapture();
            app.MapReviewConsole();
        }
        return app;
    }

    /// <summary>The connection string name of the PostgreSQL database (<c>ConnectionStrings:Ekyc</c>).</summary>
    public const string ConnectionStringName = "Ekyc";

    /// <summary>Reads and validates the <c>Ekyc</c> section now, so a bad value fails at start with its message.</summary>
    public static EkycOptions ReadOptions(IConfiguration configuration)
    {
        var options = ValidatedOptions.Read<EkycOptions>(configuration, EkycOptions.Section);
        if (options.Database.IsPostgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName)))
            throw new InvalidOperationException($"Invalid configuration: ConnectionStrings:{ConnectionStringName} is required with Ekyc:Database:Provider=postgres (e.g. 'Host=db;Database=ekyc;Username=ekyc;Password=...').");
        return options;
    }

    public static IServiceCollection AddEkycServices(this IServiceCollection services, IConfiguration configuration, EkycOptions options)
    {
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new DataFolder(options.DataPath));
        services.AddSingleton(sp => options.Database.IsPostgres
            ? Database.Postgres(configuration.GetConnectionString(ConnectionStringName)!)
            : Database.Sqlite(sp.GetRequiredService<DataFolder>().PrivateDatabaseFile()));
        services.AddSingleton(sp => new Encryptor(MasterKeyProvider.Load(options, sp.GetRequiredService<DataFolder>())));
        // With PostgreSQL the images go to the database too, so replicas share no file system.
        if (options.Database.IsPostgres)
            services.AddSingleton<IBlobStore, PostgresBlobStore>();
        else
            services.AddSingleton<IBlobStore, FileBlobStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<EventWriter>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<ImageStore>();
        services.AddSingleton<SessionExpiry>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<DecodeGate>();
        services.AddSingleton<RequestModelGate>();
        services.AddSingleton<LivenessChallengeService>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<VerificationPipeline>();
        services.AddSingleton<SandboxScenarios>();
        services.AddSingleton<SandboxDeliveries>();
        services.AddEngines(configuration, options);
        services.AddWebhooks(options);
        services.AddCapture(options);
        services.AddEkycTelemetry(configuration);
        if (options.RunsWorker)
        {
            services.AddSingleton<VerificationWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<VerificationWorker>());
            services.AddSingleton<MaintenanceService>();
            services.AddHostedService(sp => sp.GetRequiredService<MaintenanceService>());
            if (options.Database.IsPostgres)
                services.AddHostedService<PostgresJobWakeups>();
        }

        services.Configure<JsonOptions>(o => Json.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (!context.ProblemDetails.Extensions.ContainsKey("code"))
            {
                var code = ProblemWriter.CodeForStatus(status);
                context.ProblemDetails.Extensions["code"] = code;
                context.ProblemDetails.Type = Problems.TypeOf(code);
                context.ProblemDetails.Extensions["request_id"] = context.HttpContext.TraceIdentifier;
            }
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        var authentication = services.AddAuthentication(BearerAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerAuthenticationHandler>(BearerAuthenticationHandler.SchemeName, null);
        services.AddReviewConsole(authentication);
        services.AddEkycAuthorization();
        services.AddApiRateLimiting(options.RateLimit);
        UploadReader.ConfigureLimits(services, options.Uploads.MaxBytes, options.Uploads.MaxSelfieFrames);
        services.AddEkycOpenApi();
        return services;
    }
}
