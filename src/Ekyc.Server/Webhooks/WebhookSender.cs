using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Ekyc.Server.Options;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Webhooks;

/// <summary>What one HTTP attempt produced; <see cref="StatusCode"/> is null when no response arrived.</summary>
/// <see cref="SimulatedFailure"/> marks a test-mode attempt the sandbox counts as failed whatever the receiver answered.
public sealed record AttemptOutcome(int? StatusCode, double DurationMs, string? ResponseExcerpt, string? Error, TimeSpan? RetryAfter,
    bool Permanent = false, bool SimulatedFailure = false)
{
    public bool Succeeded => !SimulatedFailure && StatusCode is >= 200 and < 300;

    /// <summary>410 Gone: the receiver asks us to stop; its endpoint is disabled.</summary>
    public bool Gone => !SimulatedFailure && StatusCode == 410;
}

/// <summary>
/// Sends one signed POST. Connections go through the SSRF guard, redirects are not followed (a 3xx is a
/// failed attempt), proxies are ignored and the whole attempt has one timeout.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private static readonly string UserAgent = $"Ekyc-Webhooks/{typeof(WebhookSender).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"}";

    private readonly HttpClient _client;
    private readonly NetworkGuard _guard;
    private readonly IOptions<EkycOptions> _options;

    public WebhookSender(NetworkGuard guard, IOptions<EkycOptions> options)
    {
        _guard = guard;
        _options = options;
        _client = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = guard.ConnectAsync,
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            // Re-resolve (and re-check) names regularly; the per-receiver bound is enforced by the claim, not here.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    private WebhookOptions Settings => _options.Value.Webhooks;

    public async Task<AttemptOutcome> SendAsync(string url, string messageId, string body, SigningKeys keys, DateTimeOffset now, CancellationToken cancellationToken,
        (string Name, string Value)? extraHeader = null)
    {
        if (_guard.CheckUrlForm(url) is { } refused)
            return new AttemptOutcome(null, 0, null, "refused: " + refused, null, Permanent: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.UserAgent.ParseAdd(UserAgent);
        WebhookSigner.Apply(request, keys, messageId, now, body);
        if (extraHeader is { } header)
            request.Headers.TryAddWithoutValidation(header.Name, header.Value);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Settings.RequestTimeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ReadExcerptAsync(response.Content, Settings.ResponseExcerptBytes, timeout.Token);
            return new AttemptOutcome((int)response.StatusCode, watch.Elapsed.TotalMilliseconds, excerpt,
                response.IsSuccessStatusCode ? null : $"http_{(int)response.StatusCode}", RetryAfterOf(response.Headers.RetryAfter, now));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptOutcome(null, watch.Elapsed.TotalMilliseconds, null, $"timeout: no complete response within {Settings.RequestTimeout.TotalSeconds:0.###} s", null);
        }
        catch (HttpRequestException e)
        {
            var blocked = FindBlocked(e);
            return new AttemptOutcome(null, watch.Elapsed.TotalMilliseconds, null, blocked?.Message ?? "network: " + Describe(e), null);
        }
    }

    private static async Task<string?> ReadExcerptAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        if (limit == 0)
            return null;
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[limit];
        var read = 0;
        while (read < limit)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
                break;
            read += n;
        }
        return read == 0 ? null : Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static BlockedAddressException? FindBlocked(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is BlockedAddressException blocked)
                return blocked;
        return null;
    }

    private static string Describe(HttpRequestException e) =>
        e.InnerException is { } inner ? $"{e.HttpRequestError}: {inner.Message}" : $"{e.HttpRequestError}: {e.Message}";

    public void Dispose() => _client.Dispose();
}
