using Dapper;
using Ekyc.Server.Auth;
using Ekyc.Server.Data;
using Ekyc.Server.Options;
using Ekyc.Server.Sessions;
using Ekyc.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Sandbox;

/// <summary>
/// How the dispatcher treats a test event's delivery: retried on the short sandbox schedule without jitter, and its
/// first <c>webhook_failures</c> attempts sent for real (signed, same <c>webhook-id</c>, marked by a header) but counted
/// as failed whatever the receiver answers, so the receiver sees the retries and the delivery log the failures.
/// </summary>
public sealed class SandboxDeliveries(Database database, IOptions<EkycOptions> options)
{
    public const string FailureHeader = "ekyc-sandbox-simulated-failure";
    public const string FailureError = "sandbox_simulated_failure";

    /// <summary>One attempt of a test delivery: whether it fails on purpose (and the header saying so), and the retry delays.</summary>
    public sealed record Attempt(bool SimulatesFailure, (string Name, string Value)? Header, IReadOnlyList<TimeSpan> Schedule);

    /// <summary>Null for a live event; the plan of attempt number <paramref name="attempt"/> (from 1) for a test event.</summary>
    public async Task<Attempt?> PlanAsync(string eventId, int attempt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string? Mode, string? ConfigJson)>(
            "SELECT s.mode, s.config_json FROM events e JOIN sessions s ON s.id = e.session_id WHERE e.id = @eventId", new { eventId });
        if (row.Mode is null || Modes.IsLive(row.Mode))
            return null;
        var failures = Json.Deserialize<SessionConfig>(row.ConfigJson!).Sandbox?.WebhookFailures ?? 0;
        var fails = attempt <= failures;
        return new Attempt(fails, fails ? (FailureHeader, $"{attempt}/{failures}") : null, options.Value.Sandbox.Schedule);
    }

    /// <summary>The attempt as the sandbox counts it: failed, with what the receiver really answered kept in the log.</summary>
    public static AttemptOutcome Fail(AttemptOutcome outcome) => outcome with
    {
        SimulatedFailure = true,
        Error = outcome.Error is null ? FailureError : $"{FailureError}; {outcome.Error}",
    };
}
