using Ekyc.Core.Checks;
using Ekyc.Core.Sessions;
using Ekyc.Server.Review.Accounts;
using Ekyc.Server.Review.Audit;
using Ekyc.Server.Data;
using Ekyc.Server.Errors;
using Ekyc.Server.Events;
using Ekyc.Server.Sessions;
using Ekyc.Server.Storage;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Review.Queue;

/// <summary>
/// The console's use cases on one session. Everything goes through <see cref="SessionService"/> with the reviewer's
/// tenant as the caller, so another tenant's session is "not found" exactly as in the API; the decision is the API's
/// review transition, so the events and webhooks are the API's own.
/// </summary>
public sealed class ConsoleReview(
    Database database, SessionService sessions, ImageStore imageStore, EventWriter events, IBlobStore blobs, AuditLog audit,
    IOptions<ConsoleOptions> options, TimeProvider time)
{
    public const int AuditShown = 200;

    /// <summary>Opens a session: claims it when it waits for review and is free, and records the view.</summary>
    public async Task<SessionView> OpenAsync(Reviewer reviewer, string id, CancellationToken cancellationToken)
    {
        var caller = reviewer.ToCaller();
        var report = await sessions.ReportAsync(caller, id, cancellationToken);
        var snapshot = await sessions.GetAsync(caller, id, cancellationToken);
        var session = SessionResponse.From(snapshot.Session, snapshot.Images);
        ReviewClaim? claim;
        IReadOnlyList<StoredEvent> history;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            history = await events.ListAsync(connection, id);
            claim = await ReviewClaims.FindAsync(connection, id);
        }
        if (session.Status == SessionStatus.ManualReview.ToWire() && session.DeletedAt is null)
        {
            claim = await database.InTransactionAsync(async (connection, transaction) =>
            {
                var held = await ReviewClaims.ClaimAsync(connection, transaction, reviewer, id, time.GetUtcNow(), options.Value.ClaimDuration);
                if (held.UserId == reviewer.UserId && held.ClaimedAt == held.ExpiresAt - options.Value.ClaimDuration)
                    await audit.WriteAsync(connection, transaction, reviewer.TenantId, reviewer.UserId, reviewer.Email, AuditAction.Claimed, id, null);
                return held;
            }, cancellationToken);
        }
        await AuditAsync(reviewer, AuditAction.SessionViewed, id, null, cancellationToken);
        var trail = reviewer.IsAdmin ? await TrailAsync(reviewer, id, cancellationToken) : [];
        var mine = claim is not null && claim.UserId == reviewer.UserId && claim.IsActive(time.GetUtcNow());
        return new SessionView(session, report, history, claim, mine, trail);
    }

    /// <summary>An image of the session, decrypted for this request only; every fetch is audited.</summary>
    public async Task<(byte[] Bytes, string MediaType)> ImageAsync(Reviewer reviewer, string sessionId, string imageId, CancellationToken cancellationToken)
    {
        var image = await FindImageAsync(reviewer, sessionId, imageId, cancellationToken);
        var bytes = await blobs.GetAsync(reviewer.TenantId, image.Id, cancellationToken);
        await AuditAsync(reviewer, AuditAction.ImageViewed, sessionId, $"{image.Kind} {image.Side ?? "frame " + image.FrameIndex} ({image.Id})",
            cancellationToken);
        return (bytes, image.MediaType);
    }

    /// <summary>
    /// The face the face engine compared, cut from the document front or the first selfie frame by the box in the
    /// <c>face_match</c> evidence; null when the engine found none.
    /// </summary>
    public async Task<byte[]?> FaceAsync(Reviewer reviewer, string sessionId, string which, CancellationToken cancellationToken)
    {
        if (which is not ("document" or "selfie"))
            throw Problems.Invalid("face", "'document' or 'selfie'.");
        var report = await sessions.ReportAsync(reviewer.ToCaller(), sessionId, cancellationToken);
        var match = report.Checks.FirstOrDefault(c => c.Name == CheckNames.FaceMatch);
        if (match is null || FaceCrop.BoxOf(match.Evidence, which + "_face") is not { } box)
            return null;
        var source = which == "document"
            ? report.Images.FirstOrDefault(i => i.Kind == ImageRecord.DocumentKind && i.Side == "front")
            : report.Images.Where(i => i.Kind == ImageRecord.SelfieKind).MinBy(i => i.Frame);
        if (source is null)
            return null;
        var bytes = await blobs.GetAsync(reviewer.TenantId, source.Id, cancellationToken);
        await AuditAsync(reviewer, AuditAction.FaceViewed, sessionId, $"{which} face ({source.Id})", cancellationToken);
        return FaceCrop.Cut(bytes, box);
    }

    /// <summary>
    /// Approves or rejects through the API's review transition, only while the reviewer holds the claim; the reason and
    /// the optional note become the review's reason, the reviewer's email its reviewer.
    /// </summary>
    public async Task<SessionResponse> DecideAsync(Reviewer reviewer, string id, string decision, string reason, string? note, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var claim = await ReviewClaims.FindAsync(connection, id);
            if (claim is null || claim.UserId != reviewer.UserId || !claim.IsActive(time.GetUtcNow()))
                throw new ClaimConflictException(id, claim?.IsActive(time.GetUtcNow()) == true ? claim.Email : null);
        }
        var text = string.IsNullOrWhiteSpace(note) ? reason : $"{reason}: {note.Trim()}";
        var result = await sessions.ReviewAsync(reviewer.ToCaller(), id, new ReviewRequest(decision, text, reviewer.Email), cancellationToken);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await ReviewClaims.ReleaseAsync(connection, transaction, id, reviewer.UserId);
            await audit.WriteAsync(connection, transaction, reviewer.TenantId, reviewer.UserId, reviewer.Email, AuditAction.Decided, id, $"{decision}: {text}");
            return 0;
        }, cancellationToken);
        return result;
    }

    public async Task ReleaseAsync(Reviewer reviewer, string id, CancellationToken cancellationToken)
    {
        var released = await database.InTransactionAsync((connection, transaction) => ReviewClaims.ReleaseAsync(connection, transaction, id, reviewer.UserId), cancellationToken);
        if (released > 0)
            await AuditAsync(reviewer, AuditAction.Released, id, null, cancellationToken);
    }

    /// <summary>The tenant's audit trail, newest first, optionally of one session (the admins' page and session view).</summary>
    public async Task<IReadOnlyList<AuditEntry>> TrailAsync(Reviewer reviewer, string? sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await audit.ListAsync(connection, reviewer.TenantId, sessionId, AuditShown);
    }

    private async Task AuditAsync(Reviewer reviewer, string action, string? sessionId, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await audit.WriteAsync(connection, null, reviewer.TenantId, reviewer.UserId, reviewer.Email, action, sessionId, detail);
    }

    private async Task<ImageRecord> FindImageAsync(Reviewer reviewer, string sessionId, string imageId, CancellationToken cancellationToken)
    {
        // The console sees live sessions only: this is a 404 for a test session.
        await sessions.GetAsync(reviewer.ToCaller(), sessionId, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        var images = await imageStore.ListAsync(connection, null, sessionId);
        return images.FirstOrDefault(i => i.Id == imageId && i.TenantId == reviewer.TenantId) ?? throw Problems.SessionNotFound(sessionId);
    }
}
