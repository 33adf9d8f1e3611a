using Microsoft.AspNetCore.Authorization;

namespace Ekyc.Server.Auth;

/// <summary>
/// Met by a secret key, or by a client token whose session is the route's <c>{id}</c>. A client token naming another
/// session fails (the reason's message is that id), answered as 404 so it learns nothing about other ids.
/// </summary>
public sealed class SessionScopeRequirement : IAuthorizationRequirement
{
    public sealed class Handler : AuthorizationHandler<SessionScopeRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SessionScopeRequirement requirement)
        {
            var session = context.User.FindFirst(Caller.SessionClaim)?.Value;
            var routeId = (context.Resource as HttpContext)?.GetRouteValue("id") as string;
            if (session is null || session == routeId)
                context.Succeed(requirement);
            else
                context.Fail(new AuthorizationFailureReason(this, routeId ?? ""));
            return Task.CompletedTask;
        }
    }
}
