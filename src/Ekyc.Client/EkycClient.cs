using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ekyc.Client.Http;
using Ekyc.Client.Models;
using Ekyc.Client.Serialization;

namespace Ekyc.Client;

/// <summary>
/// The Ekyc API. Every POST carries an <c>Idempotency-Key</c> (yours, or a new one) that its retries repeat; 429, 5xx and
/// an in-progress duplicate are retried per <see cref="RetryPolicy"/>, honouring <c>Retry-After</c>. Failures are thrown
/// as <see cref="EkycApiException"/> with the server's stable problem code.
/// </summary>
public sealed class EkycClient : IDisposable
{
    private readonly HttpClient? _owned;
    private readonly ApiTransport _transport;

    /// <summary>A client with its own <see cref="HttpClient"/>.</summary>
    public EkycClient(EkycClientOptions options)
        : this(new HttpClient { BaseAddress = options.BaseAddress, Timeout = options.Timeout }, options, owns: true)
    {
    }

    /// <summary>A client on your <see cref="HttpClient"/> (from <c>IHttpClientFactory</c>, say); its base address is used when it has one.</summary>
    public EkycClient(HttpClient http, EkycClientOptions options, TimeProvider? time = null)
        : this(http, options, owns: false, time)
    {
    }

    private EkycClient(HttpClient http, EkycClientOptions options, bool owns, TimeProvider? time = null)
    {
        http.BaseAddress ??= options.BaseAddress;
        _owned = owns ? http : null;
        _transport = new ApiTransport(http, options.Credential, options.Retry, time ?? TimeProvider.System);
    }

    // Sessions (secret key)

    public Task<Session> CreateSessionAsync(CreateSessionRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<Session>(HttpMethod.Post, "v1/sessions", Json(request), idempotencyKey, cancellationToken);

    public Task<SessionList> ListSessionsAsync(SessionQuery? query = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<SessionList>(HttpMethod.Get, "v1/sessions" + QueryString(query), null, null, cancellationToken);

    public Task<Report> GetReportAsync(string sessionId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<Report>(HttpMethod.Get, $"v1/sessions/{Escape(sessionId)}/report", null, null, cancellationToken);

    public Task<Session> ReviewAsync(string sessionId, ReviewRequest review, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<Session>(HttpMethod.Post, $"v1/sessions/{Escape(sessionId)}/review", Json(review), idempotencyKey, cancellationToken);

    /// <summary>Erases the session's images and personal data; a tombstone stays.</summary>
    public async Task DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        using var _ = await _transport.SendRawAsync(HttpMethod.Delete, $"v1/sessions/{Escape(sessionId)}", null, null, null, cancellationToken);
    }

    // Sessions (secret key or the session's client token)

    public Task<Session> GetSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<Session>(HttpMethod.Get, $"v1/sessions/{Escape(sessionId)}", null, null, cancellationToken);

    /// <summary>Reads the session unless it is unchanged since <paramref name="etag"/> (then the server answers 304, without a body).</summary>
    public async Task<SessionPoll> PollSessionAsync(string sessionId, string? etag, CancellationToken cancellationToken = default)
    {
        using var response = await _transport.SendRawAsync(HttpMethod.Get, $"v1/sessions/{Escape(sessionId)}", null, null,
            request =>
            {
                if (etag is not null)
                    request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
            }, cancellationToken);
        var tag = response.Headers.ETag?.ToString() ?? etag;
        return response.StatusCode == HttpStatusCode.NotModified
            ? new SessionPoll(false, null, tag)
            : new SessionPoll(true, await ApiTransport.ReadAsync<Session>(response, cancellationToken), tag);
    }

    /// <summary>
    /// Polls with <c>If-None-Match</c> (cheap 304s while nothing changed) until the session is decided or expired, and
    /// returns it; <see cref="TimeoutException"/> after <paramref name="timeout"/> (default 5 minutes).
    /// </summary>
    public async Task<Session> WaitForDecisionAsync(string sessionId, TimeSpan? interval = null, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? TimeSpan.FromMinutes(5));
        Session? last = null;
        string? etag = null;
        try
        {
            while (true)
            {
                var poll = await PollSessionAsync(sessionId, etag, deadline.Token);
                etag = poll.ETag;
                last = poll.Session ?? last;
                if (last is not null && (last.Status.IsSettled() || last.DeletedAt is not null))
                    return last;
                await Task.Delay(interval ?? TimeSpan.FromSeconds(1), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Session {sessionId} was not decided in time (last status: {last?.Status.ToString() ?? "unknown"}).");
        }
    }

    /// <summary>Uploads one side of a document from a stream (read once into memory, so retries can resend it).</summary>
    public async Task<Image> UploadDocumentAsync(string sessionId, Stream image, string documentType, DocumentSide side = DocumentSide.Front,
        string fileName = "document.jpg", string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var bytes = await ReadAllAsync(image, cancellationToken);
        var fields = new Dictionary<string, string> { ["side"] = side == DocumentSide.Back ? "back" : "front", ["type"] = documentType };
        return await _transport.SendAsync<Image>(HttpMethod.Post, $"v1/sessions/{Escape(sessionId)}/documents",
            () => Multipart(fields, [(bytes, fileName)]), idempotencyKey, cancellationToken);
    }

    public async Task<Image> UploadDocumentAsync(string sessionId, string path, string documentType, DocumentSide side = DocumentSide.Front,
        string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        return await UploadDocumentAsync(sessionId, file, documentType, side, Path.GetFileName(path), idempotencyKey, cancellationToken);
    }

    /// <summary>Uploads the selfie (one image, passive liveness).</summary>
    public Task<IReadOnlyList<Image>> UploadSelfieAsync(string sessionId, Stream image, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        UploadSelfieFramesAsync(sessionId, [image], null, idempotencyKey, cancellationToken);

    public async Task<IReadOnlyList<Image>> UploadSelfieAsync(string sessionId, string path, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        return await UploadSelfieAsync(sessionId, file, idempotencyKey, cancellationToken);
    }

    /// <summary>Uploads the frames answering a liveness challenge (<see cref="CreateLivenessChallengeAsync"/>), in capture order.</summary>
    public async Task<IReadOnlyList<Image>> UploadSelfieFramesAsync(string sessionId, IEnumerable<Stream> frames, string? challengeId,
        string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        var files = new List<(byte[], string)>();
        foreach (var frame in frames)
            files.Add((await ReadAllAsync(frame, cancellationToken), $"frame{files.Count + 1}.jpg"));
        var fields = challengeId is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["challenge_id"] = challengeId };
        var selfie = await _transport.SendAsync<SelfieUpload>(HttpMethod.Post, $"v1/sessions/{Escape(sessionId)}/selfie",
            () => Multipart(fields, files), idempotencyKey, cancellationToken);
        return selfie.Frames;
    }

    public Task<LivenessChallenge> CreateLivenessChallengeAsync(string sessionId, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<LivenessChallenge>(HttpMethod.Post, $"v1/sessions/{Escape(sessionId)}/liveness-challenge", null, idempotencyKey, cancellationToken);

    /// <summary>Queues the session for processing (exactly once, however often it is retried).</summary>
    public Task<Session> SubmitAsync(string sessionId, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync<Session>(HttpMethod.Post, $"v1/sessions/{Escape(sessionId)}/submit", null, idempotencyKey, cancellationToken);

    // Webhooks (secret key)

    public Task<WebhookEndpoint> CreateWebhookEndpointAsync(CreateWebhookEndpointRequest request, string? idempotencyKey = null,
        CancellationToken cancellationToken = default) =>
        _transport.SendAsync<WebhookEndpoint>(HttpMethod.Post, "v1/webhook-endpoints", Json(request), idempotencyKey, cancellationToken);

    public Task<WebhookSecret> GetWebhookSecretAsync(CancellationToken cancellationToken = default) =>
        _transport.SendAsync<WebhookSecret>(HttpMethod.Get, "v1/webhook-secret", null, null, cancellationToken);

    public void Dispose() => _owned?.Dispose();

    private sealed record SelfieUpload(IReadOnlyList<Image> Frames);

    private static Func<HttpContent?> Json<T>(T body) => () => JsonContent.Create(body, options: ClientJson.Options);

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields, IReadOnlyList<(byte[] Bytes, string Name)> files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        foreach (var (bytes, name) in files)
        {
            // The server recognises the format by its magic bytes; the part's type is informative only.
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", name);
        }
        return form;
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static string QueryString(SessionQuery? query)
    {
        if (query is null)
            return "";
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("status", query.Status is { } status ? System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString()) : null);
        Add("created_after", query.CreatedAfter?.ToString("O", CultureInfo.InvariantCulture));
        Add("created_before", query.CreatedBefore?.ToString("O", CultureInfo.InvariantCulture));
        Add("cursor", query.Cursor);
        Add("limit", query.Limit?.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
