using Ekyc.Core.Checks;
using Ekyc.Core.Sessions;
using Ekyc.Server.Events;

namespace Ekyc.Server.Sessions;

public sealed record ImageResponse(string Id, string Kind, string? Side, string? Type, int Frame, string MediaType, string Sha256, int Width, int Height, long SizeBytes, DateTimeOffset CreatedAt)
{
    public static ImageResponse From(ImageRecord i) =>
        new(i.Id, i.Kind, i.Side, i.DocumentType, i.FrameIndex, i.MediaType, i.Sha256, i.Width, i.Height, i.SizeBytes, i.CreatedAt);
}

public sealed record DecisionResponse(string Status, double Confidence, string Rule, IReadOnlyList<string> Checks, DateTimeOffset? DecidedAt, ReviewRecord? Review);

/// <summary>The session as <c>GET /v1/sessions/{id}</c> shows it.</summary>
public sealed record SessionResponse(
    string Id,
    string Object,
    string Status,
    string? Reference,
    IReadOnlyList<string> DocumentTypes,
    IReadOnlyList<string> RequestedChecks,
    string? WebhookUrl,
    IReadOnlyDictionary<string, string>? Metadata,
    double? Confidence,
    DecisionResponse? Decision,
    IReadOnlyDictionary<string, string> Checks,
    IReadOnlyDictionary<string, object?>? ExtractedData,
    IReadOnlyList<ImageResponse> Documents,
    IReadOnlyList<ImageResponse> Selfie,
    IReadOnlyList<string> AllowedActions,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? DecidedAt,
    DateTimeOffset? DeletedAt,
    string? ClientToken = null,
    DateTimeOffset? ClientTokenExpiresAt = null,
    string? ReturnUrl = null,
    string? CaptureUrl = null,
    bool Livemode = true)
{
    public static SessionResponse From(SessionRecord s, IReadOnlyList<ImageRecord> images) => new(
        s.Id, "session", s.Status.ToWire(), s.Reference, s.Config.DocumentTypes, s.Config.Checks, s.Config.WebhookUrl, s.Metadata,
        s.Decision?.Confidence,
        s.Decision is { } d ? new DecisionResponse(d.Status, d.Confidence, d.Rule, d.Checks, s.DecidedAt, s.Review) : null,
        EventPayloads.ChecksOf(s),
        EventPayloads.ExtractedDataOf(s.Results?.ExtractedData),
        images.Where(i => i.Kind == ImageRecord.DocumentKind).Select(ImageResponse.From).ToList(),
        images.Where(i => i.Kind == ImageRecord.SelfieKind).Select(ImageResponse.From).ToList(),
        s.DeletedAt is null ? SessionStateMachine.CallerActions(s.Status).Select(ActionNames.ToWire).ToList() : [],
        s.CreatedAt, s.UpdatedAt, s.ExpiresAt, s.SubmittedAt, s.DecidedAt, s.DeletedAt, ReturnUrl: s.Config.ReturnUrl, Livemode: s.Livemode);
}

public sealed record SessionListResponse(string Object, IReadOnlyList<SessionResponse> Data, bool HasMore, string? NextCursor);

/// <summary>One check in the report: everything needed to explain its status.</summary>
public sealed record CheckReport(
    string Name, string Status, bool Requested, double? Score, double? Threshold, double? Confidence,
    IReadOnlyList<string> ReasonCodes, IReadOnlyDictionary<string, object?> Evidence, string? Version, IReadOnlyList<StageTiming> Timings)
{
    public static CheckReport From(CheckResult c, bool requested) =>
        new(c.Name, c.Status.ToWire(), requested, c.Score, c.Threshold, c.Confidence, c.ReasonCodes, c.Evidence, c.Version, c.Timings);
}

/// <summary><c>GET /v1/sessions/{id}/report</c>: the full, explainable result.</summary>
public sealed record ReportResponse(
    string SessionId,
    string Object,
    string Status,
    DecisionResponse? Decision,
    IReadOnlyList<CheckReport> Checks,
    IReadOnlyDictionary<string, object?>? ExtractedData,
    IReadOnlyList<ImageResponse> Images,
    IReadOnlyList<StageTiming> Stages,
    double? TotalMilliseconds,
    int? Attempt,
    DateTimeOffset? ProcessedAt,
    object? Thresholds,
    bool Livemode);

/// <summary>
/// A session with its images, as a use case read it; the handler shows it as its caller may see it.
/// <paramref name="CaptureToken"/> is the valid client token behind the tenant's capture link, when asked for.
/// </summary>
public sealed record SessionSnapshot(SessionRecord Session, IReadOnlyList<ImageRecord> Images, string? CaptureToken = null);

/// <summary>
/// The session as its end user's client token sees it: where it stands and what it may do next, and its own uploads.
/// Never the tenant's reference, metadata, webhook URL, decision details or extracted data.
/// </summary>
public sealed record ClientSessionResponse(
    string Id,
    string Object,
    string Status,
    IReadOnlyList<string> DocumentTypes,
    IReadOnlyList<ImageResponse> Documents,
    IReadOnlyList<ImageResponse> Selfie,
    IReadOnlyList<string> AllowedActions,
    DateTimeOffset ExpiresAt,
    bool Livemode)
{
    public static ClientSessionResponse From(SessionRecord s, IReadOnlyList<ImageRecord> images) => new(
        s.Id, "session", s.Status.ToWire(), s.Config.DocumentTypes,
        images.Where(i => i.Kind == ImageRecord.DocumentKind).Select(ImageResponse.From).ToList(),
        images.Where(i => i.Kind == ImageRecord.SelfieKind).Select(ImageResponse.From).ToList(),
        s.DeletedAt is null ? SessionStateMachine.CallerActions(s.Status).Select(ActionNames.ToWire).ToList() : [],
        s.ExpiresAt, s.Livemode);
}
