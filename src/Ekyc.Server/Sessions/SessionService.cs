using System.Data.Common;
using Ekyc.Core.Checks;
using Ekyc.Core.Sessions;
using Ekyc.Server.Auth;
using Ekyc.Server.Capture;
using Ekyc.Server.Data;
using Ekyc.Server.Errors;
using Ekyc.Server.Events;
using Ekyc.Server.Idempotency;
using Ekyc.Server.Jobs;
using Ekyc.Server.Liveness;
using Ekyc.Server.Options;
using Ekyc.Server.Sandbox;
using Ekyc.Server.Storage;
using Ekyc.Server.Uploads;
using Ekyc.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Sessions;

/// <summary>The session use cases behind the HTTP API. Every state change commits with its event.</summary>
public sealed class SessionService(
    Database database, SessionStore sessions, ImageStore imageStore, SessionExpiry expiry, EventWriter events, IBlobStore blobs, JobSignal jobSignal,
    DecodeGate decodeGate, IdempotencyStore idempotency, NetworkGuard networkGuard, LivenessChallengeService challenges,
    CaptureLinks captureLinks, SandboxScenarios sandbox, JobStore jobs, WebhookDeliveryStore deliveries, IOptions<EkycOptions> options, TimeProvider time)
{
    private EkycOptions Options => options.Value;

    public async Task<SessionResponse> CreateAsync(Caller caller, CreateSessionRequest request, CancellationToken cancellationToken)
    {
        var errors = request.Validate(TimeSpan.FromDays(30));
        if (errors.Count > 0)
            throw Problems.Validation(errors);
        var scenario = sandbox.Read(caller, request);
        // Refuse an unsafe webhook_url now rather than at the first delivery.
        if (request.WebhookUrl is not null && await networkGuard.CheckUrlAsync(request.WebhookUrl, cancellationToken) is { } refused)
            throw WebhookProblems.UrlNotAllowed(refused);
        // The browser, not the server, follows return_url: its form is checked like a webhook's, its address is not.
        if (request.ReturnUrl is not null && networkGuard.CheckUrlForm(request.ReturnUrl) is { } badReturn)
            throw Problems.Invalid("return_url", badReturn);
        var now = time.GetUtcNow();
        var lifetime = request.ExpiresIn is { } seconds ? TimeSpan.FromSeconds(seconds) : Options.SessionLifetime;
        var session = new SessionRecord
        {
            Id = Ids.New("sess"),
            TenantId = caller.TenantId,
            Status = SessionStatus.Created,
            Reference = request.Reference,
            Config = new SessionConfig(request.DocumentTypes ?? DocumentTypes.All, request.Checks ?? CheckNames.All, request.WebhookUrl,
                request.ReturnUrl, request.ConsentText, scenario),
            Metadata = request.Metadata,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now + lifetime,
            Livemode = caller.Livemode,
        };
        var token = Ids.Secret("ek_client");
        var tokenExpires = now + (Options.ClientTokenLifetime < lifetime ? Options.ClientTokenLifetime : lifetime);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await sessions.InsertAsync(connection, transaction, session, Ids.Hash(token), tokenExpires);
            await captureLinks.SaveTokenAsync(connection, transaction, session.Id, token);
            return 0;
        }, cancellationToken);
        return SessionResponse.From(session, []) with { ClientToken = token, ClientTokenExpiresAt = tokenExpires };
    }

    /// <summary>
    /// The cheap check before an upload's body is read: the session exists for this caller and its state allows the
    /// action (a session whose time is up is expired first). Nothing is decoded for a session that would refuse it.
    /// </summary>
    public async Task EnsureAcceptsAsync(Caller caller, string id, SessionAction action, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var session = await LoadVisibleAsync(connection, null, caller, id);
            if (!expiry.IsDue(session))
            {
                SessionStateMachine.Apply(session.Status, action);
                return;
            }
        }
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var session = await expiry.ExpireIfDueAsync(connection, transaction, await LoadVisibleAsync(connection, transaction, caller, id));
            return session.Status;
        }, cancellationToken);
        throw new InvalidStateTransitionException(SessionStatus.Expired, action, SessionStateMachine.CallerActions(SessionStatus.Expired));
    }

    public async Task<ImageResponse> UploadDocumentAsync(Caller caller, string id, UploadRequest upload, CancellationToken cancellationToken)
    {
        var side = upload.Field("side") ?? "front";
        if (side is not ("front" or "back"))
            throw Problems.Invalid("side", "'front' or 'back'.");
        var type = upload.Field("type");
        if (type is null || !DocumentTypes.All.Contains(type))
            throw Problems.Invalid("type", $"One of: {string.Join(", ", DocumentTypes.All)}.");
        Action<SessionRecord> guard = session =>
        {
            if (!session.Config.DocumentTypes.Contains(type))
                throw new ApiException(422, "document_type_not_allowed", "Document type not allowed",
                    $"This session accepts: {string.Join(", ", session.Config.DocumentTypes)}.");
        };
        await using (var connection = await database.OpenAsync(cancellationToken))
            guard(await LoadVisibleAsync(connection, null, caller, id));
        var images = await AcceptAsync(upload, cancellationToken);
        var stored = await StoreImagesAsync(caller, id, SessionAction.UploadDocument, ImageRecord.DocumentKind, side, type, images, guard, cancellationToken);
        return stored[0];
    }

    public async Task<IReadOnlyList<ImageResponse>> UploadSelfieAsync(Caller caller, string id, UploadRequest upload, CancellationToken cancellationToken)
    {
        // Frames answering a liveness challenge consume it in the upload's own transaction: one challenge, one selfie.
        // The challenge is checked before any frame is decoded.
        var challengeId = upload.Field("challenge_id");
        if (challengeId is not null)
            await challenges.RequireUsableAsync(caller, id, challengeId, cancellationToken);
        var images = await AcceptAsync(upload, cancellationToken);
        return await StoreImagesAsync(caller, id, SessionAction.UploadSelfie, ImageRecord.SelfieKind, null, null, images, _ => { }, cancellationToken,
            challengeId is null ? null : (connection, transaction, records) => challenges.ConsumeAsync(connection, transaction, caller, id, challengeId, records[0].Id));
    }

    /// <summary>Every header-only limit for every file first, then the decodes, bounded process-wide.</summary>
    private async Task<IReadOnlyList<AcceptedImage>> AcceptAsync(UploadRequest upload, CancellationToken cancellationToken)
    {
        var headers = upload.Files.Select(f => ImageIntake.Inspect(f, Options.Uploads)).ToList();
        return await decodeGate.DecodeAsync(headers, cancellationToken);
    }

    /// <summary>
    /// Blobs are written before the rows that point at them, so a crash leaves at worst an orphan file,
    /// never a row without its image. A replaced image's blob is deleted after the commit.
    /// </summary>
    private async Task<IReadOnlyList<ImageResponse>> StoreImagesAsync(Caller caller, string id, SessionAction action, string kind,
        string? side, string? type, IReadOnlyList<AcceptedImage> images, Action<SessionRecord> guard, CancellationToken cancellationToken,
        Func<DbConnection, DbTransaction, IReadOnlyList<ImageRecord>, Task>? alsoInTransaction = null)
    {
        var now = time.GetUtcNow();
        var records = images.Select((image, frame) => new ImageRecord(Ids.New(kind == ImageRecord.DocumentKind ? "doc" : "sfy"), id, caller.TenantId,
            kind, side, type, frame, image.MediaType, image.Sha256, image.Width, image.Height, image.Bytes.Length, now)).ToList();
        for (var i = 0; i < images.Count; i++)
            await blobs.PutAsync(caller.TenantId, records[i].Id, images[i].Bytes, cancellationToken);

        IReadOnlyList<ImageRecord> replaced;
        try
        {
            replaced = await database.InTransactionAsync(async (connection, transaction) =>
            {
                var session = await expiry.ExpireIfDueAsync(connection, transaction, await LoadVisibleAsync(connection, transaction, caller, id));
                guard(session);
                await sessions.TransitionAsync(connection, transaction, session, action);
                var old = await imageStore.RemoveReplacedAsync(connection, transaction, id, kind, side);
                foreach (var record in records)
                    await imageStore.InsertAsync(connection, transaction, record);
                if (alsoInTransaction is not null)
                    await alsoInTransaction(connection, transaction, records);
                return old;
            }, cancellationToken);
        }
        catch
        {
            foreach (var record in records)
                await blobs.DeleteAsync(caller.TenantId, record.Id, CancellationToken.None);
            throw;
        }
        foreach (var old in replaced)
            await blobs.DeleteAsync(caller.TenantId, old.Id, CancellationToken.None);
        return records.Select(ImageResponse.From).ToList();
    }

    public async Task<SessionSnapshot> SubmitAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var session = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await expiry.ExpireIfDueAsync(connection, transaction, await LoadVisibleAsync(connection, transaction, caller, id));
            var images = await imageStore.ListAsync(connection, transaction, id);
            if (!images.Any(i => i.Kind == ImageRecord.DocumentKind && i.Side == "front") && current.Status == SessionStatus.SelfieUploaded)
                throw new ApiException(422, "document_front_missing", "Document front missing", "Upload the front side of the document before submitting.");
            var now = time.GetUtcNow();
            var submitted = await sessions.TransitionAsync(connection, transaction, current, SessionAction.Submit);
            await sessions.SaveSubmittedAtAsync(connection, transaction, id, now);
            await jobs.EnqueueAsync(connection, transaction, id, now);
            return (submitted with { SubmittedAt = now }, images);
        }, cancellationToken);
        jobSignal.Notify();
        return new SessionSnapshot(session.Item1, session.images);
    }

    /// <summary>The session, with the client token of its capture link while it is valid when asked (read in the same connection).</summary>
    public Task<SessionSnapshot> GetAsync(Caller caller, string id, CancellationToken cancellationToken, bool withCaptureToken = false) =>
        LoadCurrentAsync(caller, id, withCaptureToken, cancellationToken);

    public async Task<ReportResponse> ReportAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var (session, images, _) = await LoadCurrentAsync(caller, id, withCaptureToken: false, cancellationToken);
        var results = session.Results;
        var checks = CheckNames.All.Select(name =>
        {
            var requested = session.Config.Checks.Contains(name);
            var result = results?.Checks.FirstOrDefault(c => c.Name == name)
                ?? CheckResult.NotRun(name, requested ? "pending" : CommonReasons.NotRequested);
            return CheckReport.From(result, requested);
        }).ToList();
        var decision = SessionResponse.From(session, images).Decision;
        return new ReportResponse(session.Id, "report", session.Status.ToWire(), decision, checks,
            EventPayloads.ExtractedDataOf(results?.ExtractedData), images.Select(ImageResponse.From).ToList(),
            results?.Stages ?? [], results?.TotalMilliseconds, results?.Attempt, results?.ProcessedAt, session.Decision?.Thresholds, session.Livemode);
    }

    public async Task<SessionListResponse> ListAsync(Caller caller, string? status, DateTimeOffset? createdAfter, DateTimeOffset? createdBefore,
        string? cursor, int? limit, CancellationToken cancellationToken)
    {
        SessionStatus? filter = null;
        if (status is not null)
            filter = SessionStatusNames.TryParse(status, out var parsed) ? parsed : throw Problems.Invalid("status", "Unknown status.");
        var size = limit ?? 20;
        if (size is < 1 or > 100)
            throw Problems.Invalid("limit", "Between 1 and 100.");
        var after = cursor is null ? ((string, string)?)null : PageCursor.Decode(cursor);
        await using var connection = await database.OpenAsync(cancellationToken);
        var page = await sessions.ListAsync(connection, caller.TenantId, caller.Mode, filter, createdAfter, createdBefore, after, size + 1);
        var items = page.Take(size).Select(s => SessionResponse.From(s, [])).ToList();
        var next = page.Count > size ? PageCursor.Encode(page[size - 1].CreatedAt, page[size - 1].Id) : null;
        return new SessionListResponse("list", items, next is not null, next);
    }

    /// <summary>
    /// Erases every copy of the session's personal data in one transaction: the sealed columns, the review, the
    /// event payloads, the stored idempotent responses and the receivers' response excerpts; then the images.
    /// </summary>
    public async Task DeleteAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        var images = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var session = await LoadAsync(connection, transaction, caller, id);
            if (session.DeletedAt is not null)
                return [];
            if (session.Status is SessionStatus.Submitted or SessionStatus.Processing)
                throw Problems.SessionBusy(id);
            var all = await imageStore.ListAsync(connection, transaction, id);
            await imageStore.DeleteAllAsync(connection, transaction, id);
            var now = time.GetUtcNow();
            await sessions.EraseAsync(connection, transaction, id, now);
            await events.RedactAsync(connection, transaction, id);
            await idempotency.ForgetSessionAsync(connection, transaction, id);
            await deliveries.ForgetResponsesAsync(connection, transaction, id);
            await events.WriteAsync(connection, transaction, session with { DeletedAt = now, Results = null, Metadata = null, Reference = null, Review = null },
                EventTypes.Deleted);
            return all;
        }, cancellationToken);
        foreach (var image in images)
            await blobs.DeleteAsync(caller.TenantId, image.Id, CancellationToken.None);
        await database.CompactAfterErasureAsync(cancellationToken);
    }

    public async Task<SessionResponse> ReviewAsync(Caller caller, string id, ReviewRequest request, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
            throw Problems.Validation(errors);
        var (session, images) = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await LoadVisibleAsync(connection, transaction, caller, id);
            var target = SessionStatusNames.Parse(request.Decision!);
            SessionStateMachine.Apply(current.Status, SessionAction.Review, target);
            var review = new ReviewRecord(request.Decision!, request.Reason!, request.Reviewer!, time.GetUtcNow(), current.Status.ToWire());
            var decision = current.Decision! with { Status = request.Decision!, Rule = "manual_review_" + request.Decision, Confidence = 1.0 };
            var updated = current with { Review = review, Decision = decision };
            await sessions.SaveReviewAsync(connection, transaction, updated);
            var reviewed = await sessions.TransitionAsync(connection, transaction, updated, SessionAction.Review, target);
            return (reviewed, await imageStore.ListAsync(connection, transaction, id));
        }, cancellationToken);
        return SessionResponse.From(session, images);
    }

    /// <summary>
    /// The session as the clock says it is: read without the write lock; only a session whose time is up is re-read
    /// in a write transaction and run through the expiry step.
    /// </summary>
    private async Task<SessionSnapshot> LoadCurrentAsync(Caller caller, string id, bool withCaptureToken, CancellationToken cancellationToken)
    {
        async Task<SessionSnapshot> Snapshot(DbConnection connection, DbTransaction? transaction, SessionRecord session) => new(session,
            await imageStore.ListAsync(connection, transaction, id),
            withCaptureToken ? await captureLinks.ValidTokenAsync(connection, transaction, caller.TenantId, id) : null);

        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var session = await LoadAsync(connection, null, caller, id);
            if (!expiry.IsDue(session))
                return await Snapshot(connection, null, session);
        }
        return await database.InTransactionAsync(async (connection, transaction) =>
            await Snapshot(connection, transaction, await expiry.ExpireIfDueAsync(connection, transaction, await LoadAsync(connection, transaction, caller, id))),
            cancellationToken);
    }

    private async Task<SessionRecord> LoadAsync(DbConnection connection, DbTransaction? transaction, Caller caller, string id)
    {
        // A client token sees only its own session (also enforced by the route policy); anything else is "not found".
        if (caller.SessionId is not null && caller.SessionId != id)
            throw Problems.SessionNotFound(id);
        return await sessions.LoadAsync(connection, transaction, caller, id) ?? throw Problems.SessionNotFound(id);
    }

    private async Task<SessionRecord> LoadVisibleAsync(DbConnection connection, DbTransaction? transaction, Caller caller, string id)
    {
        var session = await LoadAsync(connection, transaction, caller, id);
        return session.DeletedAt is null ? session : throw Problems.SessionDeleted(id);
    }
}
