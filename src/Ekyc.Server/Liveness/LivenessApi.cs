using Ekyc.Server.Auth;
using Ekyc.Server.Http;
using Ekyc.Server.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ekyc.Server.Liveness;

/// <summary>The <c>/v1/sessions/{id}/liveness-challenge</c> route.</summary>
public static class LivenessApi
{
    public static RouteGroupBuilder MapLivenessApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/sessions").WithTags("Liveness").RequireAuthorization(Policies.SessionAccess);
        group.MapPost("/{id}/liveness-challenge", CreateAsync).WithName("CreateLivenessChallenge").AddEndpointFilter<IdempotencyFilter>().WithJsonBodyLimit()
            .WithSummary("Issue a single-use, expiring sequence of moves; upload the selfie frames with its challenge_id")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(410);
        group.MapPost("/{id}/liveness-challenge/{challengeId}/pose", PoseAsync).WithName("CheckLivenessPose").DisableAntiforgery()
            .WithSummary("Live feedback while answering a challenge: the pose one frame shows (raw image body or multipart 'file'; step and reference_yaw as form or query fields)")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(410).ProducesProblem(413).ProducesProblem(415)
            .ProducesProblem(422).ProducesProblem(429).ProducesProblem(503);
        return group;
    }

    private static async Task<Created<LivenessChallengeResponse>> CreateAsync(string id, Caller caller, LivenessChallengeService service,
        CancellationToken cancellationToken)
    {
        var challenge = await service.CreateAsync(caller, id, cancellationToken);
        return TypedResults.Created($"/v1/sessions/{id}", challenge);
    }

    /// <summary>Not idempotent-keyed: a check stores nothing but its count, and a retried frame is just another frame.</summary>
    private static async Task<Ok<PoseCheckResponse>> PoseAsync(string id, string challengeId, Caller caller, HttpRequest request, PoseCheckService service,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.CheckAsync(caller, id, challengeId, request, cancellationToken));
}
