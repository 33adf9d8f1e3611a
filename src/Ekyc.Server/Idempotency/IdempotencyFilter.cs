using System.Security.Cryptography;
using System.Text;
using Ekyc.Server.Auth;
using Ekyc.Server.Data;
using Ekyc.Server.Errors;
using Ekyc.Server.Options;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on POST (IETF draft, Stripe semantics): the same key and request replays the
/// stored response with <c>Idempotent-Replayed: true</c>; the same key with another request is 422; the
/// same key while the first is running is 409. Keys belong to the credential that sent them, and this filter
/// runs only after the route's authorization policy let the request in. Client errors are stored and replayed
/// like successes, except refusals (401/403/404), which say nothing about the key; an unexpected server error
/// releases the key so the client can retry.
/// </summary>
public sealed class IdempotencyFilter(Database database, IdempotencyStore store, IOptions<EkycOptions> options, TimeProvider time) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private static readonly string[] ReplayedHeaders = ["Location", "ETag"];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key))
            return await next(context);
        if (key.Length > 255)
            throw Problems.Invalid(Header, "At most 255 characters.");

        var caller = Caller.From(http);
        var scope = new IdempotencyScope(caller.TenantId, caller.CredentialId, key);
        var fingerprint = await FingerprintAsync(http.Request, http.RequestAborted);
        var settings = options.Value;
        var reservation = await database.InTransactionAsync((connection, transaction) => store.ReserveAsync(connection, transaction, scope, fingerprint,
            time.GetUtcNow(), settings.IdempotencyRetention, settings.IdempotencyAbandonedAfter), http.RequestAborted);
        switch (reservation)
        {
            case Reservation.Mismatch:
                throw Problems.IdempotencyKeyReused();
            case Reservation.InProgress:
                throw Problems.IdempotencyInProgress();
            case Reservation.Completed completed:
                return new ReplayResult(completed.Response);
        }

        StoredResponse response;
        try
        {
            response = await CaptureAsync(http, await RunAsync(context, next));
        }
        catch
        {
            await ReleaseAsync(scope);
            throw;
        }
        if (response.StatusCode >= 500 || response.StatusCode is 401 or 403 or 404)
            await ReleaseAsync(scope);
        else
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await store.CompleteAsync(connection, scope, response, SessionOf(http, response));
        }
        return new ReplayResult(response, replayed: false);
    }

    private async Task ReleaseAsync(IdempotencyScope scope)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await store.ReleaseAsync(connection, scope);
    }

    /// <summary>The session a stored response concerns (the route's, or the one a create made), so erasing it erases the response.</summary>
    private static string? SessionOf(HttpContext http, StoredResponse response) =>
        http.GetRouteValue("id") is string id && id.StartsWith("sess_", StringComparison.Ordinal) ? id
        : response.Headers.GetValueOrDefault("Location") is { } location && location.StartsWith("/v1/sessions/", StringComparison.Ordinal)
            ? location["/v1/sessions/".Length..].Split('/')[0]
            : null;

    /// <summary>Buffers the body of keyed POSTs so the filter can fingerprint it after model binding consumed it.</summary>
    public static IApplicationBuilder BufferIdempotentBodies(IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Headers.ContainsKey(Header))
                context.Request.EnableBuffering();
            return next(context);
        });

    /// <summary>Domain errors become stored problem responses like any other result.</summary>
    private static async Task<object?> RunAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ApiException e) when (e.Status < 500)
        {
            return ProblemWriter.ToResult(e, context.HttpContext);
        }
        catch (Core.Sessions.InvalidStateTransitionException e)
        {
            return ProblemWriter.ToResult(Problems.InvalidTransition(e), context.HttpContext);
        }
    }

    /// <summary>Executes the handler's result into a buffer so it can be stored and then sent.</summary>
    private static async Task<StoredResponse> CaptureAsync(HttpContext http, object? result)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            if (result is IResult executable)
                await executable.ExecuteAsync(http);
            else if (result is not null)
                await TypedResults.Ok(result).ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        var headers = ReplayedHeaders.Where(h => http.Response.Headers.ContainsKey(h))
            .ToDictionary(h => h, h => http.Response.Headers[h].ToString());
        return new StoredResponse(http.Response.StatusCode, http.Response.ContentType, headers, buffer.ToArray());
    }

    /// <summary>
    /// What makes two requests "the same": method, path, query and content. Multipart bodies are compared by
    /// their fields and file contents, since clients pick a new boundary for every request.
    /// </summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        Add(request.Method);
        Add(request.Path);
        Add(request.QueryString.Value ?? "");
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var field in form.OrderBy(f => f.Key, StringComparer.Ordinal))
                Add($"{field.Key}={field.Value}");
            foreach (var file in form.Files)
            {
                Add(file.Name);
                await using var stream = file.OpenReadStream();
                hash.AppendData(await SHA256.HashDataAsync(stream, cancellationToken));
            }
        }
        else
        {
            Add(request.ContentType ?? "");
            // The body was buffered by BufferIdempotentBodies before model binding read it.
            request.Body.Position = 0;
            hash.AppendData(await SHA256.HashDataAsync(request.Body, cancellationToken));
            request.Body.Position = 0;
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private sealed class ReplayResult(StoredResponse response, bool replayed = true) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var http = httpContext.Response;
            http.StatusCode = response.StatusCode;
            if (response.ContentType is not null)
                http.ContentType = response.ContentType;
            foreach (var (name, value) in response.Headers)
                http.Headers[name] = value;
            if (replayed)
                http.Headers[ReplayedHeader] = "true";
            await http.Body.WriteAsync(response.Body);
        }
    }
}
