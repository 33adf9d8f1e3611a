namespace Ekyc.Server.Webhooks;

/// <summary>
/// A session's own <c>webhook_url</c> as one tenant in one mode uses it: a 410 Gone stops that tenant's events of that
/// mode to the URL, so a sandbox receiver turning test events away does not silence live ones.
/// </summary>
public readonly record struct SessionUrl(string TenantId, string Mode, string Url);
