using Ekyc.Core.Checks;
using Ekyc.Core.Decisions;
using Ekyc.Core.Sessions;
using Ekyc.Server.Options;
using Ekyc.Server.Sandbox;
using Ekyc.Server.Sessions;
using Microsoft.Extensions.Options;
using Ekyc.Server.Data;
using Ekyc.Server.Telemetry;

namespace Ekyc.Server.Jobs;

/// <summary>
/// Claims submitted sessions from the jobs table and processes them. The lease is renewed while the
/// engines run; the result, the decision, the job's completion and the outbox event commit together,
/// fenced on the lease, so each submission is decided exactly once even if a worker dies midway.
/// </summary>
public sealed partial class VerificationWorker(
    JobStore jobs, JobSignal signal, Database database, SessionStore sessions, ImageStore imageStore, VerificationPipeline pipeline,
    EkycMetrics metrics, IOptions<EkycOptions> options, TimeProvider time, ILogger<VerificationWorker> logger) : BackgroundService
{
    private readonly string _workerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Worker.Concurrency).Select(i => LoopAsync($"{_workerId}#{i}", stoppingToken)));

    private async Task LoopAsync(string worker, CancellationToken stoppingToken)
    {
        var settings = options.Value.Worker;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            ClaimedJob? job = null;
            try
            {
                await pipeline.WaitForAbandonedRunsAsync(settings.Concurrency, stoppingToken);
                job = await database.InTransactionAsync((connection, transaction) => jobs.ClaimAsync(connection, transaction, worker, settings.Lease), stoppingToken);
                if (job is null)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                    continue;
                }
                await ProcessAsync(job, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                if (job is not null)
                    await ReleaseAsync(job, "worker stopped");
            }
            catch (Exception e)
            {
                LogJobError(logger, e, job?.SessionId);
                if (job is not null)
                    await ReleaseAsync(job, e.Message);
                await Task.Delay(settings.PollInterval, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    internal async Task ProcessAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        using var activity = EkycMetrics.Source.StartActivity("ekyc.verification");
        activity?.SetTag("ekyc.session_id", job.SessionId);
        var settings = options.Value.Worker;
        var start = await database.InTransactionAsync<(SessionRecord Session, IReadOnlyList<ImageRecord> Images)?>(async (connection, transaction) =>
        {
            var session = await sessions.FindAsync(connection, job.SessionId, transaction);
            if (session is null || session.DeletedAt is not null || session.Status is not (SessionStatus.Submitted or SessionStatus.Processing))
            {
                await jobs.CompleteAsync(connection, transaction, job, "skipped");
                return null;
            }
            if (session.Status == SessionStatus.Submitted)
                session = await sessions.TransitionAsync(connection, transaction, session, SessionAction.StartProcessing);
            return (session, await imageStore.ListAsync(connection, transaction, session.Id));
        }, cancellationToken);
        if (start is null)
            return;
        var (current, images) = start.Value;

        VerificationPipeline.Outcome? outcome = null;
        if (job.Attempts <= settings.MaxAttempts)
        {
            await using (var connection = await database.OpenAsync(cancellationToken))
                await jobs.RecordEngineRunAsync(connection, job);
            using var renewal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var keepAlive = KeepLeaseAsync(job, renewal.Token);
            try
            {
                // A test session runs no engine: the sandbox replays its scripted scenario.
                outcome = current.Livemode ? await pipeline.RunAsync(current, images, cancellationToken) : SandboxDecider.Run(current, images);
            }
            finally
            {
                await renewal.CancelAsync();
                await keepAlive;
            }
        }

        var committed = await database.InTransactionAsync<SessionRecord?>(async (connection, transaction) =>
        {
            if (!await jobs.CompleteAsync(connection, transaction, job, outcome is null ? "failed" : "done", outcome is null ? "too many attempts" : null))
                return null;
            var session = (await sessions.FindAsync(connection, job.SessionId, transaction))!;
            if (session.Status != SessionStatus.Processing)
                return null;
            var decided = Decide(session, outcome, job);
            await sessions.SaveDecisionAsync(connection, transaction, decided);
            await sessions.TransitionAsync(connection, transaction, decided, SessionAction.Decide, SessionStatusNames.Parse(decided.Decision!.Status));
            await jobs.MarkEngineRunCommittedAsync(connection, transaction, job);
            return decided;
        }, cancellationToken);
        if (committed is null)
            LogLeaseLost(logger, job.SessionId, job.Worker);
        else
            metrics.Decided(committed.Livemode, committed.Decision!.Status, committed.Decision.Rule, outcome?.TotalMilliseconds ?? 0, outcome?.Stages ?? [],
                committed.SubmittedAt is { } submitted ? committed.DecidedAt - submitted : null);
    }

    private SessionRecord Decide(SessionRecord session, VerificationPipeline.Outcome? outcome, ClaimedJob job)
    {
        var now = time.GetUtcNow();
        var thresholds = options.Value.Decision.ToThresholds();
        if (outcome is null)
        {
            // The engines crashed the process repeatedly on this session: a human must look at it.
            var failed = new StoredDecision(SessionStatus.ManualReview.ToWire(), 0, "processing_failed", [], thresholds);
            return session with { Decision = failed, DecidedAt = now, Summary = new Dictionary<string, string>() };
        }
        var decision = DecisionPolicy.Decide(session.Config.Checks, outcome.Checks, thresholds);
        return session with
        {
            Decision = StoredDecision.From(decision),
            DecidedAt = now,
            Summary = outcome.Checks.ToDictionary(c => c.Name, c => c.Status.ToWire()),
            Results = new SessionResults(outcome.Checks, outcome.Extracted,
                [.. outcome.Stages, new StageTiming("total", outcome.TotalMilliseconds, outcome.InferenceMilliseconds)], outcome.TotalMilliseconds, job.Attempts, now),
        };
    }

    private async Task KeepLeaseAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var lease = options.Value.Worker.Lease;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(lease / 3, time, cancellationToken);
                await using var connection = await database.OpenAsync(cancellationToken);
                if (!await jobs.RenewAsync(connection, job, lease))
                    return;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReleaseAsync(ClaimedJob job, string? error)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await jobs.ReleaseAsync(connection, job, error);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing session {SessionId} failed; the job is released for another attempt")]
    private static partial void LogJobError(ILogger logger, Exception exception, string? sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Worker {Worker} lost the lease on session {SessionId}; its result was discarded")]
    private static partial void LogLeaseLost(ILogger logger, string sessionId, string worker);
}
