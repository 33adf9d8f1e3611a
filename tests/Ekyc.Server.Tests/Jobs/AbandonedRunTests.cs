using System.Security.Cryptography;
using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Core.Sessions;
using Ekyc.Server.Data;
using Ekyc.Server.Events;
using Ekyc.Server.Jobs;
using Ekyc.Server.Liveness;
using Ekyc.Server.Options;
using Ekyc.Server.Sessions;
using Ekyc.Server.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ekyc.Server.Tests.Jobs;

/// <summary>A stage that times out reports <c>not_run</c>; an engine run that cannot be stopped holds back new work until it ends.</summary>
public class AbandonedRunTests
{
    /// <summary>An engine stuck in work that does not look at its token (as a native decode is).</summary>
    private sealed class StuckEngine(ManualResetEventSlim release) : IDocumentVerifier
    {
        public DocumentVerification Verify(DocumentImages images, DateOnly today, CancellationToken cancellationToken)
        {
            release.Wait(TimeSpan.FromMinutes(1), CancellationToken.None);
            throw new InvalidOperationException("released");
        }
    }

    [Fact]
    public async Task A_timed_out_engine_run_that_ignores_cancellation_blocks_new_work_until_it_ends()
    {
        using var release = new ManualResetEventSlim();
        var folder = new DataFolder(Directory.CreateTempSubdirectory("ekyc-test-").FullName);
        var encryptor = new Encryptor(RandomNumberGenerator.GetBytes(32));
        var blobs = new FileBlobStore(folder, encryptor);
        var options = Microsoft.Extensions.Options.Options.Create(new EkycOptions());
        options.Value.Worker.StageTimeout = TimeSpan.FromMilliseconds(200);
        var sessions = new SessionStore(encryptor, new EventWriter(encryptor, TimeProvider.System), TimeProvider.System);
        // Only the document stage runs here; the challenge lookup belongs to the face stage.
        var challenges = new LivenessChallengeService(Database.Sqlite(folder.DatabasePath), sessions, new SessionExpiry(sessions, TimeProvider.System),
            options, TimeProvider.System);
        var pipeline = new VerificationPipeline(blobs, challenges, options, NullLogger<VerificationPipeline>.Instance, TimeProvider.System,
            documents: new StuckEngine(release));
        await blobs.PutAsync("ten_1", "doc_1", new byte[] { 1, 2, 3 }, CancellationToken.None);
        var session = new SessionRecord
        {
            Id = "sess_1", TenantId = "ten_1", Status = SessionStatus.Processing,
            Config = new SessionConfig(["passport"], [CheckNames.DocumentAuthenticity], null),
        };
        var image = new ImageRecord("doc_1", "sess_1", "ten_1", ImageRecord.DocumentKind, "front", "passport", 0, "image/jpeg", "", 1, 1, 3, DateTimeOffset.UtcNow);

        var outcome = await pipeline.RunAsync(session, [image], CancellationToken.None);

        var document = outcome.Checks.Single(c => c.Name == CheckNames.DocumentAuthenticity);
        Assert.Equal(CheckStatus.NotRun, document.Status);
        Assert.Contains("stage_timeout", document.ReasonCodes);
        Assert.Equal(1, pipeline.AbandonedRuns);
        var waiting = pipeline.WaitForAbandonedRunsAsync(1, CancellationToken.None);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        release.Set();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, pipeline.AbandonedRuns);
    }
}
