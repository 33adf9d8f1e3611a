using System.Net;
using System.Text.Json;

namespace Ekyc.Client;

/// <summary>
/// An RFC 9457 problem answered by the server (after the retries the client makes), with its stable <see cref="Code"/>
/// (for instance <c>session_not_found</c>, <c>invalid_state_transition</c>, <c>image_undecodable</c>).
/// </summary>
public sealed class EkycApiException : Exception
{
    internal EkycApiException(HttpStatusCode status, string code, string? title, string? detail, string? requestId, JsonElement? problem)
        : base($"{(int)status} {code}: {detail ?? title ?? "request failed"}")
    {
        Status = status;
        Code = code;
        Title = title;
        Detail = detail;
        RequestId = requestId;
        Problem = problem;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The stable problem code; <c>http_&lt;status&gt;</c> when the answer was not a problem document.</summary>
    public string Code { get; }

    public string? Title { get; }
    public string? Detail { get; }

    /// <summary>The server's id of the request, to find it in its logs.</summary>
    public string? RequestId { get; }

    /// <summary>The whole problem document (for code-specific members such as <c>errors</c> or <c>allowed_actions</c>).</summary>
    public JsonElement? Problem { get; }

    /// <summary><c>validation_failed</c>: each invalid field with its messages.</summary>
    public IReadOnlyDictionary<string, string[]> Errors =>
        Problem is { } p && p.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            ? errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray())
            : new Dictionary<string, string[]>();

    internal static async Task<EkycApiException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement? problem = null;
        try
        {
            problem = JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page, an empty body): the status says what there is to say.
        }
        string? Member(string name) =>
            problem is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new EkycApiException(response.StatusCode, Member("code") ?? $"http_{(int)response.StatusCode}", Member("title"), Member("detail"),
            Member("request_id"), problem);
    }
}
