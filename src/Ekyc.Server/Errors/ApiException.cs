namespace Ekyc.Server.Errors;

/// <summary>
/// A domain error with its HTTP status and stable <c>code</c>; the exception handler turns it into
/// problem+json. <see cref="Extensions"/> become extra members of the problem.
/// </summary>
public sealed class ApiException(int status, string code, string title, string? detail = null,
    IReadOnlyDictionary<string, object?>? extensions = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public IReadOnlyDictionary<string, object?> Extensions { get; } = extensions ?? new Dictionary<string, object?>();
}
