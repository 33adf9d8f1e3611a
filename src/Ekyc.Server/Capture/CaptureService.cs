using System.Data.Common;
using Ekyc.Server.Auth;
using Ekyc.Server.Data;
using Ekyc.Server.Engines;
using Ekyc.Server.Errors;
using Ekyc.Server.Sessions;
using Ekyc.Server.Storage;
using Ekyc.Verification.Documents;

namespace Ekyc.Server.Capture;

/// <summary>
/// The capture page's use cases: the session as the page sees it, and the quick verdict on an uploaded side. The
/// verdict re-reads a stored image with the document engine's first stages: CPU-bound, so at most one per core runs at
/// a time and the others wait (a burst of prechecks cannot starve the verifications).
/// </summary>
public sealed class CaptureService(Database database, SessionStore sessions, ImageStore imageStore, IBlobStore blobs, CaptureLinks links,
    RequestModelGate models, IServiceProvider services)
{
    /// <summary>The caller's session, with its images when <paramref name="withImages"/>.</summary>
    public async Task<(SessionRecord Session, IReadOnlyList<ImageRecord> Images)> LoadAsync(Caller caller, string id, bool withImages,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var session = await LoadLiveAsync(connection, caller, id);
        return (session, withImages ? await imageStore.ListAsync(connection, null, id) : []);
    }

    /// <summary>The client token behind the session's capture link while it is valid, else null.</summary>
    public async Task<string?> CaptureTokenAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await LoadLiveAsync(connection, caller, id);
        return await links.ValidTokenAsync(connection, null, caller.TenantId, id);
    }

    public async Task<DocumentPrecheckResponse> PrecheckAsync(Caller caller, string id, string documentId, CancellationToken cancellationToken)
    {
        var (session, images) = await LoadAsync(caller, id, withImages: true, cancellationToken);
        var image = images.FirstOrDefault(i => i.Id == documentId && i.Kind == ImageRecord.DocumentKind)
            ?? throw new ApiException(404, "document_not_found", "Document not found", $"No document '{documentId}' in this session (a retake replaces the side).");
        // A test session runs no model, not even the precheck's.
        if (services.GetService<DocumentPrecheck>() is not { } precheck || !session.Livemode)
            return new DocumentPrecheckResponse(image.Id, image.Side!, image.DocumentType!, "not_run", null);
        var bytes = await blobs.GetAsync(caller.TenantId, image.Id, cancellationToken);
        var result = await models.RunAsync(() => precheck.Check(bytes, image.DocumentType!, image.Side!), cancellationToken);
        return new DocumentPrecheckResponse(image.Id, image.Side!, image.DocumentType!, result.Problems.Count == 0 ? "ok" : "retake", result);
    }

    private async Task<SessionRecord> LoadLiveAsync(DbConnection connection, Caller caller, string id)
    {
        var session = await sessions.LoadAsync(connection, null, caller.TenantId, id) ?? throw Problems.SessionNotFound(id);
        return session.DeletedAt is null ? session : throw Problems.SessionDeleted(id);
    }
}
