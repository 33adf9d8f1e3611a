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

/// <summary>
/// The document and face stages run side by side; when the host stops, the pipeline gives up only once both engines
/// have stopped, because the host disposes the shared ONNX sessions next.
/// </summary>
public class StoppingPipelineTests
{
    /// <summary>An engine that honours its token only between steps: it finishes the step it is in first.</summary>
    private sealed class SteppingEngine : IDocumentVerifier, IFaceVerifier
    {
        public ManualResetEventSlim Started { get; } = new();
        public volatile bool Stopped;

        public DocumentVerification Verify(DocumentImages images, DateOnly today, CancellationToken cancellationToken) => Step<DocumentVerification>(cancellationToken);

        public FaceVerification Verify(byte[] documentFront, IReadOnlyList<byte[]> selfieFrames, ActiveChallenge? challenge, CancellationToken cancellationToken) =>
            Step<FaceVerification>(cancellationToken);

        private T Step<T>(CancellationToken cancellationToken)
        {
            Started.Set();
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMinutes(1));
            Thread.Sleep(300); // the rest of the step under way when the token fired
            Stopped = true;
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException("never cancelled");
        }
    }

    [Fact]
    public async Task Stopping_waits_for_the_document_and_face_engines_to_stop()
    {
        var folder = new DataFolder(Directory.CreateTempSubdirectory("ekyc-test-").FullName);
        var encryptor = new Encryptor(RandomNumberGenerator.GetBytes(32));
        var database = Database.Sqlite(folder.DatabasePath);
        await Migrations.ApplyAsync(database, encryptor);
        var blobs = new FileBlobStore(folder, encryptor);
        var options = Microsoft.Extensions.Options.Options.Create(new EkycOptions());
        var sessions = new SessionStore(encryptor, new EventWriter(encryptor, TimeProvider.System), TimeProvider.System);
        var challenges = new LivenessChallengeService(database, sessions, new SessionExpiry(sessions, TimeProvider.System), options, TimeProvider.System);
        var (document, face) = (new SteppingEngine(), new SteppingEngine());
        var pipeline = new VerificationPipeline(blobs, challenges, options, NullLogger<VerificationPipeline>.Instance, TimeProvider.System,
            documents: document, faces: face);
        await blobs.PutAsync("ten_1", "doc_1", new byte[] { 1, 2, 3 }, CancellationToken.None);
        await blobs.PutAsync("ten_1", "img_1", new byte[] { 4, 5, 6 }, CancellationToken.None);
        var session = new SessionRecord
        {
            Id = "sess_1", TenantId = "ten_1", Status = SessionStatus.Processing,
            Config = new SessionConfig(["passport"], [CheckNames.DocumentAuthenticity, CheckNames.FaceMatch], null),
        };
        ImageRecord[] images =
        [
            new("doc_1", "sess_1", "ten_1", ImageRecord.DocumentKind, "front", "passport", 0, "image/jpeg", "", 1, 1, 3, DateTimeOffset.UtcNow),
            new("img_1", "sess_1", "ten_1", ImageRecord.SelfieKind, null, null, 0, "image/jpeg", "", 1, 1, 3, DateTimeOffset.UtcNow),
        ];
        using var stopping = new CancellationTokenSource();

        var run = pipeline.RunAsync(session, images, stopping.Token);
        Assert.True(document.Started.Wait(TimeSpan.FromSeconds(30)) && face.Started.Wait(TimeSpan.FromSeconds(30)), "both engines run at once");
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(document.Stopped);
        Assert.True(face.Stopped);
    }
}
