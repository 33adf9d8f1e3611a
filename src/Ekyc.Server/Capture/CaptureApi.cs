using System.Net;
using Ekyc.Server.Auth;
using Ekyc.Server.Data;
using Ekyc.Server.Errors;
using Ekyc.Server.Sessions;
using Ekyc.Server.Storage;
using Ekyc.Verification.Documents;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ekyc.Server.Capture;

/// <summary>
/// The hosted capture page (<c>/capture/{session id}</c>, anonymous: the same shell for every session, the client token
/// arrives in the fragment) and the three API routes it needs beyond the public API: its settings, the QR code of the
/// capture URL, and the quick verdict on an uploaded document side.
/// </summary>
public static class CaptureApi
{
    public static IServiceCollection AddCapture(this IServiceCollection services, Options.EkycOptions options)
    {
        services.AddSingleton<CaptureLinks>();
        services.AddSingleton<CaptureService>();
        services.AddSingleton<CaptureAssets>();
        services.AddSingleton<CaptureTexts>();
        services.AddSingleton<Liveness.PoseCheckService>();
        if (options.Engines.Faces)
        {
            // The live pose feedback of a challenge, on the face engine's options and its shared ONNX sessions.
            services.AddSingleton(sp => new Verification.Faces.Active.PoseReader(sp.GetRequiredService<Verification.Models.ModelStore>(),
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Verification.Faces.FaceOptions>>().Value));
        }
        if (options.Engines.Documents)
        {
            // The document engine's options (bound and validated by its registration) and models (one session each).
            services.AddSingleton(sp => new DocumentPrecheck(sp.GetRequiredService<Verification.Models.ModelStore>(),
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DocumentOptions>>().Value));
        }
        return services;
    }

    public static void MapCapture(this IEndpointRouteBuilder routes)
    {
        var page = routes.MapGroup(CaptureLinks.PagePath.TrimEnd('/')).AllowAnonymous().ExcludeFromDescription();
        page.MapGet("/{id}", Page).WithName("CapturePage");
        page.MapGet("/assets/{**path}", (string path, HttpContext http, CaptureAssets assets) => assets.Serve(http, path)).WithName("CaptureAsset");

        var api = routes.MapGroup("/v1/sessions/{id}").WithTags("Capture").RequireAuthorization(Policies.SessionAccess);
        api.MapGet("/capture", SettingsAsync).WithName("GetCaptureSettings")
            .WithSummary("What the hosted capture page needs: document types and their sides, consent text, return URL").ProducesProblem(404);
        api.MapGet("/capture/qr.svg", QrAsync).WithName("GetCaptureQrCode")
            .WithSummary("The capture URL as a QR code (SVG), for a desktop to hand the capture over to a phone")
            .Produces<string>(200, "image/svg+xml").ProducesProblem(404);
        api.MapGet("/documents/{documentId}/precheck", PrecheckAsync).WithName("PrecheckDocument")
            .WithSummary("Quick verdict on an uploaded side: sharpness, glare, MRZ or barcode found; problems mean 'retake'").ProducesProblem(404);
    }

    private static IResult Page(string id, HttpContext http, CaptureAssets assets, CaptureTexts texts)
    {
        var language = texts.Negotiate(http.Request);
        var shell = System.Text.Encoding.UTF8.GetString(assets.Find("index.html")!.Bytes)
            .Replace("{{lang}}", language)
            .Replace("{{title}}", WebUtility.HtmlEncode(texts.Text(language, "page_title")))
            .Replace("{{noscript}}", WebUtility.HtmlEncode(texts.Text(language, "noscript")))
            .Replace("{{texts}}", texts.JsonFor(language));
        CaptureHeaders.Apply(http.Response);
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Vary = "Accept-Language";
        return TypedResults.Content(shell, "text/html; charset=utf-8");
    }

    private static async Task<Ok<CaptureSettingsResponse>> SettingsAsync(string id, Caller caller, CaptureService capture, CancellationToken cancellationToken)
    {
        var (session, _) = await capture.LoadAsync(caller, id, withImages: false, cancellationToken);
        var sides = session.Config.DocumentTypes.ToDictionary(t => t, t => (IReadOnlyList<string>)(t == "passport" ? ["front"] : ["front", "back"]));
        return TypedResults.Ok(new CaptureSettingsResponse(session.Id, "capture_settings", session.Config.DocumentTypes, sides,
            session.Config.ConsentText, session.Config.ReturnUrl));
    }

    private static async Task<ContentHttpResult> QrAsync(string id, Caller caller, HttpContext http, CaptureService capture, CaptureLinks links)
    {
        // A client token is its own link; the tenant gets the link of the session's token while it is valid.
        string? token;
        if (caller.IsClientToken)
        {
            await capture.LoadAsync(caller, id, withImages: false, http.RequestAborted);
            token = http.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        }
        else
            token = await capture.CaptureTokenAsync(caller, id, http.RequestAborted);
        var url = links.UrlFor(http.Request, id,
            token ?? throw new ApiException(410, "capture_link_expired", "Capture link expired", "The session's client token has expired."));
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(CaptureQr.Svg(url), "image/svg+xml");
    }

    private static async Task<Ok<DocumentPrecheckResponse>> PrecheckAsync(string id, string documentId, Caller caller, CaptureService capture,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await capture.PrecheckAsync(caller, id, documentId, cancellationToken));
}

/// <summary><c>GET /v1/sessions/{id}/capture</c>. A null consent text means the page shows its own, in the customer's language.</summary>
public sealed record CaptureSettingsResponse(
    string SessionId, string Object, IReadOnlyList<string> DocumentTypes, IReadOnlyDictionary<string, IReadOnlyList<string>> Sides,
    string? ConsentText, string? ReturnUrl);

/// <summary><c>GET /v1/sessions/{id}/documents/{documentId}/precheck</c>: <c>verdict</c> is <c>ok</c>, <c>retake</c> or <c>not_run</c> (engine off).</summary>
public sealed record DocumentPrecheckResponse(string DocumentId, string Side, string Type, string Verdict, DocumentPrecheckResult? Result);
