using Ekyc.Core.Sessions;
using Ekyc.Server.Auth;
using Ekyc.Server.Http;
using Ekyc.Server.Capture;
using Ekyc.Server.Idempotency;
using Ekyc.Server.Options;
using Ekyc.Server.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Sessions;

/// <summary>
/// The <c>/v1/sessions</c> routes, in two groups by who may call them: the tenant's secret key only, or also the
/// session's own client token. The policy is checked before a body is read.
/// </summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        var tenant = routes.MapGroup("/v1/sessions").WithTags("Sessions").RequireAuthorization(Policies.SecretKey);
        tenant.MapPost("/", CreateAsync).WithName("CreateSession").AddEndpointFilter<IdempotencyFilter>().WithJsonBodyLimit()
            .WithSummary("Create a verification session").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(413).ProducesProblem(422);
        tenant.MapGet("/", ListAsync).WithName("ListSessions").WithSummary("List sessions (newest first, cursor pagination)");
        tenant.MapGet("/{id}/report", ReportAsync).WithName("GetSessionReport")
            .WithSummary("Full report: every check with score, threshold, reasons and timings").ProducesProblem(404);
        tenant.MapPost("/{id}/review", ReviewAsync).WithName("ReviewSession").AddEndpointFilter<IdempotencyFilter>().WithJsonBodyLimit()
            .WithSummary("Approve or reject a session in manual_review").ProducesProblem(409);
        tenant.MapDelete("/{id}", DeleteAsync).WithName("DeleteSession").WithSummary("Erase images and personal data, keep a tombstone");

        var session = routes.MapGroup("/v1/sessions").WithTags("Sessions").RequireAuthorization(Policies.SessionAccess);
        session.MapGet("/{id}", GetAsync).WithName("GetSession")
            .WithSummary("Status, decision, per-check summary and extracted data (a client token sees status, allowed actions and its uploads)")
            .ProducesProblem(404);
        session.MapPost("/{id}/documents", UploadDocumentAsync).WithName("UploadDocument").AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Upload a document side: multipart field 'file' or a raw image body; side=front|back and type as form or query fields")
            .ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).DisableAntiforgery();
        session.MapPost("/{id}/selfie", UploadSelfieAsync).WithName("UploadSelfie").AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Upload the selfie: multipart field 'file' (repeat it for active-liveness frames) or a raw image body")
            .ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).DisableAntiforgery();
        session.MapPost("/{id}/submit", SubmitAsync).WithName("SubmitSession").AddEndpointFilter<IdempotencyFilter>().WithJsonBodyLimit()
            .WithSummary("Queue the session for processing (exactly once)").ProducesProblem(409);
        return routes;
    }

    private static async Task<Created<SessionResponse>> CreateAsync(CreateSessionRequest request, Caller caller, HttpRequest http, SessionService service,
        CaptureLinks links, CancellationToken cancellationToken)
    {
        var session = await service.CreateAsync(caller, request, cancellationToken);
        return TypedResults.Created($"/v1/sessions/{session.Id}", session with { CaptureUrl = links.UrlFor(http, session.Id, session.ClientToken!) });
    }

    private static async Task<Results<Ok<SessionResponse>, Ok<ClientSessionResponse>, StatusCodeHttpResult>> GetAsync(string id, Caller caller,
        HttpContext http, SessionService service, CaptureLinks links)
    {
        var snapshot = await service.GetAsync(caller, id, http.RequestAborted, withCaptureToken: !caller.IsClientToken);
        var session = snapshot.Session;
        var etag = $"\"{session.Id}.{session.UpdatedAt.ToUnixTimeMilliseconds()}.{session.Status.ToWire()}{(caller.IsClientToken ? ".c" : "")}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Select(t => t.Trim()).Any(t => t == etag || t == "*")))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        if (caller.IsClientToken)
            return TypedResults.Ok(ClientSessionResponse.From(session, snapshot.Images));
        var capture = snapshot.CaptureToken is { } token ? links.UrlFor(http.Request, id, token) : null;
        return TypedResults.Ok(SessionResponse.From(session, snapshot.Images) with { CaptureUrl = capture });
    }

    private static async Task<Ok<ReportResponse>> ReportAsync(string id, Caller caller, SessionService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ReportAsync(caller, id, cancellationToken));

    private static async Task<Ok<SessionListResponse>> ListAsync(Caller caller, SessionService service,
        [FromQuery] string? status, [FromQuery(Name = "created_after")] DateTimeOffset? createdAfter,
        [FromQuery(Name = "created_before")] DateTimeOffset? createdBefore, [FromQuery] string? cursor, [FromQuery] int? limit,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListAsync(caller, status, createdAfter, createdBefore, cursor, limit, cancellationToken));

    /// <summary>The session's state is checked before the body is read; the images are decoded only after every header passed.</summary>
    private static async Task<Created<ImageResponse>> UploadDocumentAsync(string id, Caller caller, HttpRequest request, SessionService service,
        IOptions<EkycOptions> options, CancellationToken cancellationToken)
    {
        await service.EnsureAcceptsAsync(caller, id, SessionAction.UploadDocument, cancellationToken);
        var upload = await UploadReader.ReadAsync(request, options.Value.Uploads.MaxBytes, 1, cancellationToken);
        return TypedResults.Created($"/v1/sessions/{id}", await service.UploadDocumentAsync(caller, id, upload, cancellationToken));
    }

    private static async Task<Created<SelfieResponse>> UploadSelfieAsync(string id, Caller caller, HttpRequest request, SessionService service,
        IOptions<EkycOptions> options, CancellationToken cancellationToken)
    {
        await service.EnsureAcceptsAsync(caller, id, SessionAction.UploadSelfie, cancellationToken);
        var upload = await UploadReader.ReadAsync(request, options.Value.Uploads.MaxBytes, options.Value.Uploads.MaxSelfieFrames, cancellationToken);
        var frames = await service.UploadSelfieAsync(caller, id, upload, cancellationToken);
        return TypedResults.Created($"/v1/sessions/{id}", new SelfieResponse("selfie", frames));
    }

    /// <summary>The end user's app submits with its client token and gets the client view, as from GET.</summary>
    private static async Task<Results<Accepted<SessionResponse>, Accepted<ClientSessionResponse>>> SubmitAsync(string id, Caller caller,
        SessionService service, CancellationToken cancellationToken)
    {
        var (session, images, _) = await service.SubmitAsync(caller, id, cancellationToken);
        if (caller.IsClientToken)
            return TypedResults.Accepted($"/v1/sessions/{id}", ClientSessionResponse.From(session, images));
        return TypedResults.Accepted($"/v1/sessions/{id}", SessionResponse.From(session, images));
    }

    private static async Task<Ok<SessionResponse>> ReviewAsync(string id, ReviewRequest request, Caller caller, SessionService service,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ReviewAsync(caller, id, request, cancellationToken));

    private static async Task<NoContent> DeleteAsync(string id, Caller caller, SessionService service, CancellationToken cancellationToken)
    {
        await service.DeleteAsync(caller, id, cancellationToken);
        return TypedResults.NoContent();
    }
}

public sealed record SelfieResponse(string Object, IReadOnlyList<ImageResponse> Frames);
