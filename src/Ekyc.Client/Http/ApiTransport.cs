using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ekyc.Client.Serialization;

namespace Ekyc.Client.Http;

/// <summary>
/// Sends one logical request, retrying per the <see cref="RetryPolicy"/>. A POST gets an <c>Idempotency-Key</c> (the
/// caller's, or a new UUID) that every retry repeats, so a retried create, upload or submit is done once. Content is
/// rebuilt for each attempt from bytes the caller's stream was read into once.
/// </summary>
internal sealed class ApiTransport(HttpClient http, string credential, RetryPolicy retry, TimeProvider time)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public async Task<T> SendAsync<T>(HttpMethod method, string path, Func<HttpContent?>? content, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, content, idempotencyKey, null, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(ClientJson.Options, cancellationToken)
            ?? throw new JsonException($"The server answered {(int)response.StatusCode} with an empty body.");

    /// <summary>The final answer (2xx or 304); any other is thrown as <see cref="EkycApiException"/>. The caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, Func<HttpContent?>? content, string? idempotencyKey,
        Action<HttpRequestMessage>? configure, CancellationToken cancellationToken)
    {
        if (method == HttpMethod.Post)
            idempotencyKey ??= Guid.NewGuid().ToString();
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = content?.Invoke() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
            if (idempotencyKey is not null)
                request.Headers.Add(IdempotencyHeader, idempotencyKey);
            configure?.Invoke(request);

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException) when (retry.DelayBefore(attempt + 1, null, Random.Shared) is { } delay)
            {
                await Task.Delay(delay, time, cancellationToken);
                continue;
            }
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified)
                return response;

            var error = await EkycApiException.FromResponseAsync(response, cancellationToken);
            var retryAfter = RetryPolicy.RetryAfterOf(response, time.GetUtcNow());
            response.Dispose();
            if (!RetryPolicy.IsRetryable(error.Status, error.Code) || retry.DelayBefore(attempt + 1, retryAfter, Random.Shared) is not { } wait)
                throw error;
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
