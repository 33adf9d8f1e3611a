using Ekyc.Core.Sessions;
using Microsoft.AspNetCore.Diagnostics;

namespace Ekyc.Server.Errors;

/// <summary>The one place where exceptions become problem+json responses.</summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var api = exception switch
        {
            ApiException e => e,
            InvalidStateTransitionException e => Problems.InvalidTransition(e),
            BadHttpRequestException { StatusCode: 413 } => new ApiException(413, "payload_too_large", "Request body too large", exception.Message),
            BadHttpRequestException e => new ApiException(e.StatusCode, ProblemWriter.CodeForStatus(e.StatusCode), "Bad request", e.Message),
            InvalidDataException e => new ApiException(400, "malformed_request", "Malformed request body", e.Message),
            _ => null,
        };
        if (api is null)
        {
            LogUnhandled(logger, exception, context.Request.Method, context.Request.Path);
            api = new ApiException(500, "internal_error", "Internal server error", "An unexpected error occurred; nothing was lost. Retry the request.");
        }
        context.Response.StatusCode = api.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ProblemWriter.From(api, context),
            Exception = exception,
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
