using Microsoft.AspNetCore.Authorization;

namespace Ekyc.Server.Auth;

/// <summary>
/// Who may call what, as route-group policies checked by the authorization middleware: before the endpoint binds
/// its body, reserves an idempotency key or touches storage.
/// </summary>
public static class Policies
{
    /// <summary>A tenant's secret API key; a client token is refused (403).</summary>
    public const string SecretKey = "secret_key";

    /// <summary>A secret key, or the client token of the session named by the route's <c>{id}</c> (another session: 404).</summary>
    public const string SessionAccess = "session_access";

    public static IServiceCollection AddEkycAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, SecretKeyRequirement.Handler>();
        services.AddSingleton<IAuthorizationHandler, SessionScopeRequirement.Handler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(SecretKey, p => p.RequireAuthenticatedUser().AddRequirements(new SecretKeyRequirement()))
            .AddPolicy(SessionAccess, p => p.RequireAuthenticatedUser().AddRequirements(new SessionScopeRequirement()));
        return services;
    }
}
