using Ekyc.Client.Http;

namespace Ekyc.Client;

/// <summary>How an <see cref="EkycClient"/> talks to the server.</summary>
public sealed record EkycClientOptions
{
    /// <summary>The server, e.g. <c>https://kyc.example.com/</c>.</summary>
    public required Uri BaseAddress { get; init; }

    /// <summary>
    /// The tenant's secret API key (<c>ek_live_…</c>, backend only) or a session's client token (<c>ek_client_…</c>, for the
    /// customer's app: that session's uploads, liveness challenge, submit and status).
    /// </summary>
    public required string Credential { get; init; }

    public RetryPolicy Retry { get; init; } = new();

    /// <summary>Per-attempt timeout of the underlying <see cref="HttpClient"/> when the client creates it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);
}
