namespace Ekyc.Server.Webhooks;

/// <summary>An outbox event as fan-out sees it: who it belongs to and the session's own webhook URL, if any.</summary>
public sealed record OutboxEvent(string Id, long Seq, string TenantId, string? SessionId, string Type, DateTimeOffset CreatedAt, string? SessionUrl);

/// <summary>One receiver of an event: a registered endpoint, or the session's own URL (<see cref="WebhookDelivery.SessionTarget"/>).</summary>
public sealed record FanOutTarget(string Target, string? EndpointId, string Url);
