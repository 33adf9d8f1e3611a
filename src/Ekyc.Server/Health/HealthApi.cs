using Dapper;
using Ekyc.Server.Data;
using Ekyc.Server.Engines;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ekyc.Server.Health;

/// <summary><c>GET /health</c> (readiness): the database answers and which engines are loaded; <c>GET /health/live</c> (liveness).</summary>
public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", CheckAsync).WithName("Health").WithTags("Health").AllowAnonymous();
        // Liveness: the process answers; no I/O, so it is also the benchmark's reference endpoint.
        routes.MapGet("/health/live", () => TypedResults.Ok(new { status = "ok" })).WithName("Liveness").WithTags("Health").AllowAnonymous();
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> CheckAsync(Database database, EngineStatus engines, CancellationToken cancellationToken)
    {
        string databaseStatus;
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<long>("SELECT 1");
            databaseStatus = "ok";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            databaseStatus = "unavailable";
        }
        var response = new HealthResponse(databaseStatus == "ok" ? "ok" : "degraded", databaseStatus, engines.Engines);
        return databaseStatus == "ok" ? TypedResults.Ok(response) : TypedResults.Json(response, statusCode: 503);
    }
}

public sealed record HealthResponse(string Status, string Database, IReadOnlyDictionary<string, string> Engines);
