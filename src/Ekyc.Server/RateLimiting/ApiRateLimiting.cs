using System.Globalization;
using System.Threading.RateLimiting;
using System.Security.Claims;
using Ekyc.Server.Auth;
using Ekyc.Server.Errors;
using Ekyc.Server.Options;

namespace Ekyc.Server.RateLimiting;

/// <summary>
/// A fixed-window limit per authenticated credential (per client address without one), with the IETF
/// <c>RateLimit</c>/<c>RateLimit-Policy</c> headers on every response and a 429 problem when exceeded.
/// </summary>
public static class ApiRateLimiting
{
    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, RateLimitOptions limits)
    {
        var limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
            PartitionKey(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.PermitLimit,
                Window = limits.Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        services.AddSingleton(limiter);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = limiter;
            options.OnRejected = async (context, token) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : limits.Window;
                http.Response.StatusCode = 429;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = ProblemWriter.Create(429, "rate_limited", "Too many requests",
                        $"At most {limits.PermitLimit} requests per {limits.Window.TotalSeconds:0} s per key.", http),
                });
            };
        });
        return services;
    }

    /// <summary>Adds the headers to every response; must run after <c>UseRateLimiter</c>.</summary>
    public static IApplicationBuilder UseRateLimitHeaders(this IApplicationBuilder app, RateLimitOptions limits) =>
        app.Use((context, next) =>
        {
            var limiter = context.RequestServices.GetRequiredService<PartitionedRateLimiter<HttpContext>>();
            context.Response.OnStarting(() =>
            {
                var remaining = limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0;
                var window = (long)limits.Window.TotalSeconds;
                context.Response.Headers["RateLimit-Policy"] = $"\"per-key\";q={limits.PermitLimit};w={window}";
                context.Response.Headers["RateLimit"] = $"\"per-key\";r={remaining};t={window}";
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>
    /// The authenticated credential (authentication ran before the limiter), so no spelling of the header opens a
    /// fresh bucket; a request without a valid credential counts against its client address.
    /// </summary>
    private static string PartitionKey(HttpContext context) =>
        context.User.FindFirstValue(Caller.TenantClaim) is { } tenant
            ? $"credential:{tenant}/{context.User.FindFirstValue(Caller.CredentialClaim)}"
            : "ip:" + context.Connection.RemoteIpAddress;
}
