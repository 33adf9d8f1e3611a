namespace Ekyc.Server.Webhooks;

/// <summary>An outbox event as fan-out sees it: who it belongs to, the session's own webhook URL if any, and its mode (live or test).</summary>
public sealed record OutboxEvent(string Id, long Seq, string TenantId, string? SessionId, string Type, DateTimeOffset CreatedAt, string? SessionUrl, string Mode);

/// <summary>One receiver of an event: a registered endpoint, or the session's own URL (<see cref="WebhookDelivery.SessionTarget"/>).</summary>
public sealed record FanOutTarget(string Target, string? EndpointId, string Url);
