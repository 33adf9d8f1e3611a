using System.Text.Encodings.Web;
using Ekyc.Server.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Auth;

/// <summary>Authenticates <c>Authorization: Bearer …</c> with a tenant API key or a session client token.</summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeys keys, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
            return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("The Authorization header must use the Bearer scheme.");
        var caller = await keys.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        return caller is null
            ? AuthenticateResult.Fail("Unknown, revoked or expired credential.")
            : AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = ProblemWriter.Create(401, "unauthorized", "Authentication required",
                failure ?? "Send 'Authorization: Bearer <API key or client token>'.", Context),
        });
    }
}
