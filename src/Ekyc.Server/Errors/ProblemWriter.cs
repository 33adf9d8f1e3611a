using Microsoft.AspNetCore.Mvc;

namespace Ekyc.Server.Errors;

/// <summary>Builds RFC 9457 problem details with the stable <c>type</c> and <c>code</c> members.</summary>
public static class ProblemWriter
{
    /// <summary>Codes for errors produced by the framework rather than by our handlers.</summary>
    public static string CodeForStatus(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "route_not_found",
        405 => "method_not_allowed",
        408 => "request_timeout",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        500 => "internal_error",
        503 => "service_unavailable",
        _ => "error",
    };

    public static ProblemDetails From(ApiException e, HttpContext context)
    {
        var problem = Create(e.Status, e.Code, e.Title, e.Detail, context);
        foreach (var (key, value) in e.Extensions)
            problem.Extensions[key] = value;
        return problem;
    }

    public static ProblemDetails Create(int status, string code, string title, string? detail, HttpContext context)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = Problems.TypeOf(code),
            Title = title,
            Detail = detail,
            Instance = context.Request.Path,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["request_id"] = context.TraceIdentifier;
        return problem;
    }

    public static IResult ToResult(ApiException e, HttpContext context) =>
        TypedResults.Problem(From(e, context));
}
