using Ekyc.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Ekyc.Server.OpenApi;

/// <summary>Who may call an operation, read from its route group's authorization policy.</summary>
public enum OperationAccess
{
    Anonymous,
    /// <summary>The tenant's secret API key only.</summary>
    SecretKey,
    /// <summary>A secret key, or the client token of the session in the route.</summary>
    Session,
}

public static class OperationAccessReader
{
    public static OperationAccess Of(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
            return OperationAccess.Anonymous;
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        if (policies.Contains(Policies.SecretKey))
            return OperationAccess.SecretKey;
        if (policies.Contains(Policies.SessionAccess))
            return OperationAccess.Session;
        return OperationAccess.Anonymous;
    }
}
