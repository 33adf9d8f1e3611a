using Microsoft.AspNetCore.Authorization;

namespace Ekyc.Server.Auth;

/// <summary>Met by a tenant's secret API key, never by a session's client token.</summary>
public sealed class SecretKeyRequirement : IAuthorizationRequirement
{
    public sealed class Handler : AuthorizationHandler<SecretKeyRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SecretKeyRequirement requirement)
        {
            if (context.User.Identity?.IsAuthenticated == true && !context.User.HasClaim(c => c.Type == Caller.SessionClaim))
                context.Succeed(requirement);
            else
                context.Fail(new AuthorizationFailureReason(this,
                    "A client token may only upload, submit and read the status of its own session; use a secret API key."));
            return Task.CompletedTask;
        }
    }
}
