using System.Collections.Concurrent;
using System.Diagnostics;
using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Server.Liveness;
using Ekyc.Server.Options;
using Ekyc.Server.Sessions;
using Ekyc.Server.Storage;
using Ekyc.Server.Telemetry;
using Ekyc.Verification.Imaging;
using Ekyc.Verification.Models;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Jobs;

/// <summary>
/// Runs the stages of one verification: intake, document, faces, screening. Each stage has its own
/// timeout and timing; a missing engine, a timeout or an engine error makes its checks <c>not_run</c>
/// with the reason, so the policy sends the session to a human instead of guessing. This is the one place
/// where an engine failure becomes a check result: engines throw and honour cancellation.
/// </summary>
public sealed partial class VerificationPipeline(
    IBlobStore blobs, LivenessChallengeService challenges, IOptions<EkycOptions> options, ILogger<VerificationPipeline> logger, TimeProvider time,
    IDocumentVerifier? documents = null, IFaceVerifier? faces = null, IScreeningVerifier? screening = null)
{
    /// <param name="InferenceMilliseconds">Wall time with at least one model run going, across all stages.</param>
    public sealed record Outcome(IReadOnlyList<CheckResult> Checks, ExtractedData? Extracted, IReadOnlyList<StageTiming> Stages, double TotalMilliseconds,
        double InferenceMilliseconds);

    /// <summary>
    /// Engine runs whose stage timed out but which could not be stopped (a native decode does not see the token).
    /// They still hold a core and memory, so new work waits while as many are left as the worker runs jobs at once.
    /// </summary>
    private readonly ConcurrentDictionary<Task, byte> _abandoned = new();

    public int AbandonedRuns => _abandoned.Count;

    /// <summary>Returns once fewer than <paramref name="limit"/> abandoned engine runs are still going.</summary>
    public async Task WaitForAbandonedRunsAsync(int limit, CancellationToken cancellationToken)
    {
        // Keys is a snapshot: a run that ends between the count and the snapshot must not leave WhenAny an empty list.
        while (_abandoned.Count >= limit && _abandoned.Keys is { Count: > 0 } running)
            await Task.WhenAny(running).WaitAsync(cancellationToken);
    }

    public async Task<Outcome> RunAsync(SessionRecord session, IReadOnlyList<ImageRecord> images, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        // Flows into each stage's engine task, whose own scope nests inside it.
        using var inference = InferenceClock.Measure();
        // The document and face engines both decode the front (a 12 MP photo: 40–60 ms of CPU each): once is enough.
        using var decodes = SharedDecodes.Open();
        var stages = new List<StageTiming>();
        var results = new Dictionary<string, CheckResult>();
        var requested = session.Config.Checks;
        bool Wants(params string[] names) => names.Any(requested.Contains);

        var watch = Stopwatch.StartNew();
        var front = images.FirstOrDefault(i => i is { Kind: ImageRecord.DocumentKind, Side: "front" });
        var back = images.FirstOrDefault(i => i is { Kind: ImageRecord.DocumentKind, Side: "back" });
        var selfies = images.Where(i => i.Kind == ImageRecord.SelfieKind).OrderBy(i => i.FrameIndex).ToList();
        var frontBytes = front is null ? null : await blobs.GetAsync(session.TenantId, front.Id, cancellationToken);
        var backBytes = back is null ? null : await blobs.GetAsync(session.TenantId, back.Id, cancellationToken);
        var selfieBytes = new List<byte[]>();
        foreach (var selfie in selfies)
            selfieBytes.Add(await blobs.GetAsync(session.TenantId, selfie.Id, cancellationToken));
        var challenge = selfies.Count == 0 ? null : await challenges.ForSelfieAsync(selfies[0].Id, cancellationToken);
        stages.Add(new StageTiming("intake", watch.Elapsed.TotalMilliseconds));

        ExtractedData? extracted = null;
        // The face stage needs only the images, so it runs alongside the document stage: the document engine leaves a
        // core idle while it recognises one small text crop at a time.
        var face = Wants(CheckNames.FaceMatch, CheckNames.FaceLiveness)
            ? StageAsync("faces", faces, [CheckNames.FaceMatch, CheckNames.FaceLiveness], frontBytes is null || selfieBytes.Count == 0,
                (engine, ct) => engine.Verify(frontBytes!, selfieBytes, challenge, ct), cancellationToken)
            : null;
        // The document is read even when only screening was asked for: screening needs the name.
        if (Wants(CheckNames.DocumentAuthenticity, CheckNames.SanctionsScreening, CheckNames.PepScreening))
        {
            StageResult<DocumentVerification> document;
            try
            {
                document = await StageAsync("document", documents, [CheckNames.DocumentAuthenticity], frontBytes is null,
                    (engine, ct) => engine.Verify(new DocumentImages(frontBytes!, backBytes, front?.DocumentType), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ct),
                    cancellationToken);
            }
            catch when (face is not null)
            {
                // Stopping: the face engine must be done with the models before the host disposes them.
                await Task.WhenAny(face);
                throw;
            }
            stages.AddRange(document.Timing);
            if (document.Value is { } value)
            {
                results[CheckNames.DocumentAuthenticity] = value.Authenticity;
                extracted = value.Extracted;
            }
            else
            {
                results[CheckNames.DocumentAuthenticity] = document.Failures[0];
            }
        }

        if (face is not null)
        {
            var faceResult = await face;
            stages.AddRange(faceResult.Timing);
            results[CheckNames.FaceMatch] = faceResult.Value?.Match ?? faceResult.Failures[0];
            results[CheckNames.FaceLiveness] = faceResult.Value?.Liveness ?? faceResult.Failures[1];
        }

        if (Wants(CheckNames.SanctionsScreening, CheckNames.PepScreening))
        {
            var name = extracted?.FullName;
            var screen = await StageAsync("screening", screening, [CheckNames.SanctionsScreening, CheckNames.PepScreening], string.IsNullOrWhiteSpace(name),
                (engine, ct) => engine.Screen(new ScreeningSubject(name!, extracted!.DateOfBirth, extracted.Nationality), ct), cancellationToken);
            stages.AddRange(screen.Timing);
            results[CheckNames.SanctionsScreening] = screen.Value?.Sanctions ?? screen.Failures[0];
            results[CheckNames.PepScreening] = screen.Value?.Pep ?? screen.Failures[1];
        }

        var checks = CheckNames.All.Select(name => requested.Contains(name)
            ? results.GetValueOrDefault(name) ?? CheckResult.NotRun(name, CommonReasons.EngineUnavailable)
            : CheckResult.NotRun(name, CommonReasons.NotRequested)).ToList();
        return new Outcome(checks, extracted, stages, total.Elapsed.TotalMilliseconds, inference.Milliseconds);
    }

    /// <param name="Timing">The stage's timing, none when it did not run (no engine, missing input).</param>
    private sealed record StageResult<T>(T? Value, IReadOnlyList<CheckResult> Failures, IReadOnlyList<StageTiming> Timing) where T : class;

    private async Task<StageResult<T>> StageAsync<TEngine, T>(string stage, TEngine? engine, string[] checks, bool missingInput,
        Func<TEngine, CancellationToken, T> run, CancellationToken cancellationToken) where TEngine : class where T : class
    {
        StageResult<T> Fail(string reason, params StageTiming[] timing) => new(null, checks.Select(c => CheckResult.NotRun(c, reason)).ToList(), timing);
        if (engine is null)
            return Fail(CommonReasons.EngineUnavailable);
        if (missingInput)
            return Fail(CommonReasons.MissingInput);
        var watch = Stopwatch.StartNew();
        using var activity = EkycMetrics.Source.StartActivity("ekyc.stage." + stage);
        StageTiming Timing(double? inferenceMs = null) => new(stage, watch.Elapsed.TotalMilliseconds, inferenceMs);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Worker.StageTimeout);
        // Engines are CPU-bound and synchronous; run them off the worker loop so the timeout can fire.
        var task = Task.Run(() =>
        {
            using var inference = InferenceClock.Measure();
            return (Value: run(engine, timeout.Token), InferenceMs: inference.Milliseconds);
        }, timeout.Token);
        try
        {
            var (value, inferenceMs) = await task.WaitAsync(timeout.Token);
            return new StageResult<T>(value, [], [Timing(inferenceMs)]);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogStageTimeout(logger, stage, options.Value.Worker.StageTimeout);
            Abandon(task);
            return Fail("stage_timeout", Timing());
        }
        catch (OperationCanceledException)
        {
            // Stopping: the engine sees the same token and stops between steps; it must be done with the models
            // (shared ONNX sessions) before the host disposes them, or a run in progress reads freed memory.
            await Task.WhenAny(task);
            throw;
        }
        catch (ModelUnavailableException e)
        {
            LogStageError(logger, e, stage);
            return Fail(CommonReasons.EngineUnavailable, Timing());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStageError(logger, e, stage);
            return Fail(CommonReasons.EngineError, Timing());
        }
    }

    private void Abandon(Task task)
    {
        if (task.IsCompleted)
            return;
        _abandoned.TryAdd(task, 0);
        task.ContinueWith(t => _abandoned.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stage {Stage} timed out after {Timeout}")]
    private static partial void LogStageTimeout(ILogger logger, string stage, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stage {Stage} failed")]
    private static partial void LogStageError(ILogger logger, Exception exception, string stage);
}
