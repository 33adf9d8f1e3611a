using Ekyc.Server.Auth;
using Ekyc.Server.Capture;
using Ekyc.Server.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ekyc.Server.Sessions;

/// <summary>The <c>/v1/sessions</c> routes.</summary>
public static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/sessions").WithTags("Sessions").RequireAuthorization();

        group.MapPost("/", CreateAsync).WithName("CreateSession").AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Create a verification session").ProducesProblem(400).ProducesProblem(401).ProducesProblem(422);
        group.MapGet("/", ListAsync).WithName("ListSessions").WithSummary("List sessions (newest first, cursor pagination)");
        group.MapGet("/{id}", GetAsync).WithName("GetSession").WithSummary("Status, decision, per-check summary and extracted data")
            .ProducesProblem(404);
        group.MapGet("/{id}/report", ReportAsync).WithName("GetSessionReport").WithSummary("Full report: every check with score, threshold, reasons and timings");
        group.MapPost("/{id}/documents", UploadDocumentAsync).WithName("UploadDocument").AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Upload a document side: multipart field 'file' or a raw image body; side=front|back and type as form or query fields")
            .ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).DisableAntiforgery();
        group.MapPost("/{id}/selfie", UploadSelfieAsync).WithName("UploadSelfie").AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Upload the selfie: multipart field 'file' (repeat it for active-liveness frames) or a raw image body")
            .ProducesProblem(409).ProducesProblem(413).ProducesProblem(415).ProducesProblem(422).DisableAntiforgery();
        group.MapPost("/{id}/submit", SubmitAsync).WithName("SubmitSession").AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Queue the session for processing (exactly once)").ProducesProblem(409);
        group.MapPost("/{id}/review", ReviewAsync).WithName("ReviewSession").AddEndpointFilter<IdempotencyFilter>()
            .WithSummary("Approve or reject a session in manual_review").ProducesProblem(409);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteSession").WithSummary("Erase images and personal data, keep a tombstone");
        return group;
    }

    private static async Task<Created<SessionResponse>> CreateAsync(CreateSessionRequest request, HttpContext http, SessionService service, CaptureLinks links)
    {
        var session = await service.CreateAsync(Caller.From(http), request, http.RequestAborted);
        return Sessions(session with { CaptureUrl = links.UrlFor(http.Request, session.Id, session.ClientToken!) }, http);
    }

    private static Created<SessionResponse> Sessions(SessionResponse session, HttpContext http) =>
        TypedResults.Created($"/v1/sessions/{session.Id}", session);

    private static async Task<Results<Ok<SessionResponse>, StatusCodeHttpResult>> GetAsync(string id, HttpContext http, SessionService service, CaptureLinks links)
    {
        var session = await service.GetAsync(Caller.From(http), id, http.RequestAborted);
        session = session with { CaptureUrl = await links.ForTenantAsync(Caller.From(http), id, http.Request, http.RequestAborted) };
        var etag = $"\"{session.Id}.{session.UpdatedAt.ToUnixTimeMilliseconds()}.{session.Status}\"";
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "private, no-cache";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Select(t => t.Trim()).Any(t => t == etag || t == "*")))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(session);
    }

    private static async Task<Ok<ReportResponse>> ReportAsync(string id, HttpContext http, SessionService service) =>
        TypedResults.Ok(await service.ReportAsync(Caller.From(http), id, http.RequestAborted));

    private static async Task<Ok<SessionListResponse>> ListAsync(HttpContext http, SessionService service,
        [FromQuery] string? status, [FromQuery(Name = "created_after")] DateTimeOffset? createdAfter,
        [FromQuery(Name = "created_before")] DateTimeOffset? createdBefore, [FromQuery] string? cursor, [FromQuery] int? limit) =>
        TypedResults.Ok(await service.ListAsync(Caller.From(http), status, createdAfter, createdBefore, cursor, limit, http.RequestAborted));

    private static async Task<Created<ImageResponse>> UploadDocumentAsync(string id, HttpContext http, SessionService service)
    {
        var image = await service.UploadDocumentAsync(Caller.From(http), id, http.Request, http.RequestAborted);
        return TypedResults.Created($"/v1/sessions/{id}", image);
    }

    private static async Task<Created<SelfieResponse>> UploadSelfieAsync(string id, HttpContext http, SessionService service)
    {
        var frames = await service.UploadSelfieAsync(Caller.From(http), id, http.Request, http.RequestAborted);
        return TypedResults.Created($"/v1/sessions/{id}", new SelfieResponse("selfie", frames));
    }

    private static async Task<Accepted<SessionResponse>> SubmitAsync(string id, HttpContext http, SessionService service) =>
        TypedResults.Accepted($"/v1/sessions/{id}", await service.SubmitAsync(Caller.From(http), id, http.RequestAborted));

    private static async Task<Ok<SessionResponse>> ReviewAsync(string id, ReviewRequest request, HttpContext http, SessionService service) =>
        TypedResults.Ok(await service.ReviewAsync(Caller.From(http), id, request, http.RequestAborted));

    private static async Task<NoContent> DeleteAsync(string id, HttpContext http, SessionService service)
    {
        await service.DeleteAsync(Caller.From(http), id, http.RequestAborted);
        return TypedResults.NoContent();
    }
}

public sealed record SelfieResponse(string Object, IReadOnlyList<ImageResponse> Frames);
