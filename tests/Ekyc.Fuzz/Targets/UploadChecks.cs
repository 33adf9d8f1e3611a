using Ekyc.Server.Errors;
using Ekyc.Server.Uploads;
using Microsoft.AspNetCore.Http;

namespace Ekyc.Fuzz.Targets;

/// <summary>
/// The upload reader on a request built from the input (first line: <c>Content-Type</c>; the rest: the body). Its
/// answer is the files and fields, or an exception the problem handler turns into a 4xx (<see cref="ApiException"/>,
/// <see cref="BadHttpRequestException"/>, <see cref="InvalidDataException"/>); anything else would be a 500.
/// </summary>
internal static class UploadChecks
{
    private const long MaxBytes = 1024 * 1024;
    private const int MaxFiles = 8;

    public static void Check(byte[] input)
    {
        var newline = input.AsSpan().IndexOf("\r\n"u8);
        var contentType = newline < 0 ? "" : System.Text.Encoding.Latin1.GetString(input, 0, newline);
        var body = newline < 0 ? input : input[(newline + 2)..];
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        try
        {
            var upload = UploadReader.ReadAsync(context.Request, MaxBytes, MaxFiles, CancellationToken.None).GetAwaiter().GetResult();
            if (upload.Files.Count is 0 or > MaxFiles || upload.Files.Any(f => f.Length > MaxBytes))
                throw new TotalityViolation($"the reader accepted {upload.Files.Count} files outside its limits");
            _ = upload.Field("side");
        }
        catch (ApiException e) when (e.Status is >= 400 and < 500)
        {
        }
        catch (BadHttpRequestException e) when (e.StatusCode is >= 400 and < 500)
        {
        }
        catch (InvalidDataException)
        {
            // Mapped to 400 malformed_request by the problem handler.
        }
    }
}
