using Ekyc.Server.Errors;
using Microsoft.AspNetCore.Http.Features;

namespace Ekyc.Server.Uploads;

/// <summary>One uploaded request: its files (field <c>file</c>, repeatable) and its form/query fields.</summary>
public sealed record UploadRequest(IReadOnlyList<byte[]> Files, Func<string, string?> Field);

/// <summary>Reads <c>multipart/form-data</c> (field <c>file</c>) or a raw image body, never more than the limit.</summary>
public static class UploadReader
{
    public static async Task<UploadRequest> ReadAsync(HttpRequest request, long maxBytes, int maxFiles, CancellationToken cancellationToken)
    {
        string? Query(string name) => request.Query.TryGetValue(name, out var v) ? v.ToString() : null;

        if (request.HasFormContentType)
        {
            var form = await ReadFormAsync(request, cancellationToken);
            var files = form.Files.GetFiles("file");
            if (files.Count == 0)
                throw Problems.Invalid("file", "The multipart body has no 'file' part.");
            if (files.Count > maxFiles)
                throw Problems.TooManyFrames(maxFiles);
            var contents = new List<byte[]>();
            foreach (var file in files)
            {
                if (file.Length > maxBytes)
                    throw Problems.ImageTooLarge(maxBytes);
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, cancellationToken);
                contents.Add(buffer.ToArray());
            }
            return new UploadRequest(contents, name => form.TryGetValue(name, out var v) ? v.ToString() : Query(name));
        }

        if (request.ContentLength > maxBytes)
            throw Problems.ImageTooLarge(maxBytes);
        var body = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken);
        return new UploadRequest([body], Query);
    }

    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // A body that ends inside a part (truncated, or no closing boundary) is the client's error: 400, not 500.
            throw new InvalidDataException("The multipart body ended before its closing boundary.", e);
        }
    }

    /// <summary>Kestrel's own limit is a backstop; this one gives the precise problem code.</summary>
    public static void ConfigureLimits(IServiceCollection services, long maxBytes, int maxFiles)
    {
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = maxBytes * maxFiles + 64 * 1024;
            o.ValueCountLimit = 64;
        });
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
                throw Problems.ImageTooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
