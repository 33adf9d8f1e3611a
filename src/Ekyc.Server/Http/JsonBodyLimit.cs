using Microsoft.AspNetCore.Mvc;

namespace Ekyc.Server.Http;

/// <summary>
/// JSON endpoints take small bodies: a larger one is refused (413 <c>payload_too_large</c>) while it is read, never
/// parsed. Kestrel's global limit stays sized for image uploads.
/// </summary>
public static class JsonBodyLimit
{
    public const long MaxBytes = 64 * 1024;

    public static RouteHandlerBuilder WithJsonBodyLimit(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new RequestSizeLimitAttribute(MaxBytes));
}
