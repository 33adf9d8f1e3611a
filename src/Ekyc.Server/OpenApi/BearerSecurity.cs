using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ekyc.Server.OpenApi;

/// <summary>
/// The two bearer credentials as security schemes, and on each operation the ones it accepts: the secret key
/// (tenant backend) or, on a session's uploads, submit and status, also that session's client token.
/// </summary>
public sealed class BearerSecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SecretKeyScheme = "secret_key";
    public const string ClientTokenScheme = "client_token";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecretKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "ek_live_…",
            Description = "The tenant's secret API key (`ek_live_…`), for the tenant's backend only: never ship it in an app.",
        };
        document.Components.SecuritySchemes[ClientTokenScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "ek_client_…",
            Description = "A session's short-lived `client_token` (`ek_client_…`, from the create response): that one session's uploads, "
                + "liveness challenge, submit and status. Another session's id answers 404.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var access = OperationAccessReader.Of(context.Description);
        if (access == OperationAccess.Anonymous)
            return Task.CompletedTask;
        var document = context.Document;
        operation.Security = [Requirement(SecretKeyScheme, document)];
        if (access == OperationAccess.Session)
            operation.Security.Add(Requirement(ClientTokenScheme, document));
        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
