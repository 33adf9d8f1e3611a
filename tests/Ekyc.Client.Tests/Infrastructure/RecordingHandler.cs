using System.Collections.Concurrent;
using System.Net;

namespace Ekyc.Client.Tests.Infrastructure;

/// <summary>One request as it went over the wire, with the status the server answered.</summary>
public sealed record Exchange(HttpMethod Method, string Path, string? IdempotencyKey, string? IfNoneMatch, HttpStatusCode Status);

/// <summary>Passes every request on to the real server and records what was sent and answered.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<Exchange> _exchanges = new();

    public IReadOnlyList<Exchange> Exchanges => [.. _exchanges];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        _exchanges.Enqueue(new Exchange(request.Method, request.RequestUri!.AbsolutePath,
            request.Headers.TryGetValues("Idempotency-Key", out var keys) ? keys.Single() : null,
            request.Headers.IfNoneMatch.Count > 0 ? request.Headers.IfNoneMatch.ToString() : null,
            response.StatusCode));
        return response;
    }
}
