namespace Ekyc.Server.Sessions;

/// <summary>A stored image: a document side or a selfie frame. The bytes live encrypted in the blob store.</summary>
public sealed record ImageRecord(
    string Id, string SessionId, string TenantId, string Kind, string? Side, string? DocumentType, int FrameIndex,
    string MediaType, string Sha256, int Width, int Height, long SizeBytes, DateTimeOffset CreatedAt)
{
    public const string DocumentKind = "document";
    public const string SelfieKind = "selfie";
}
