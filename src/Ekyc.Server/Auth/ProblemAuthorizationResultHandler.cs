using Ekyc.Server.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Ekyc.Server.Auth;

/// <summary>
/// Answers a refused authorization as problem+json: 404 <c>session_not_found</c> for a client token naming another
/// session, 403 <c>forbidden</c> otherwise. Nothing of the request body has been read at this point.
/// </summary>
public sealed class ProblemAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        var reasons = authorizeResult.AuthorizationFailure?.FailureReasons ?? [];
        var otherSession = reasons.FirstOrDefault(r => r.Handler is SessionScopeRequirement.Handler);
        var error = otherSession is not null
            ? Problems.SessionNotFound(otherSession.Message)
            : Problems.Forbidden(reasons.FirstOrDefault()?.Message ?? "This credential may not call this endpoint.");
        context.Response.StatusCode = error.Status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = ProblemWriter.From(error, context) });
    }
}
