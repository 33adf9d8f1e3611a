using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ekyc.Capture.Tests.Infrastructure;
using Ekyc.Server.Capture;
using Ekyc.Server.Options;
using Ekyc.Verification.Documents.Specimens;
using Microsoft.AspNetCore.Http;

namespace Ekyc.Capture.Tests;

/// <summary>The capture page's server side over real HTTP: the link, the page and its headers, the settings and the precheck.</summary>
public sealed class CaptureApiTests(CaptureServer server) : IClassFixture<CaptureServer>
{
    private async Task<(HttpStatusCode Status, JsonObject Body)> PostSessionAsync(object body)
    {
        using var client = server.Client();
        var response = await client.PostAsJsonAsync("/v1/sessions", body);
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    [Fact]
    public async Task The_capture_url_carries_the_client_token_in_its_fragment_for_the_tenant_only()
    {
        var (status, session) = await PostSessionAsync(new { document_types = new[] { "passport" } });
        Assert.Equal(HttpStatusCode.Created, status);
        var id = session["id"]!.GetValue<string>();
        var token = session["client_token"]!.GetValue<string>();
        var url = new Uri(session["capture_url"]!.GetValue<string>());
        Assert.Equal($"/capture/{id}", url.AbsolutePath);
        Assert.Equal($"#t={token}", url.Fragment);
        Assert.Equal(server.Address.Authority, url.Authority);

        Assert.Equal(url.ToString(), (await server.GetSessionAsync(id))["capture_url"]!.GetValue<string>());
        using var customer = server.Client(token);
        Assert.Null((await customer.GetFromJsonAsync<JsonObject>($"/v1/sessions/{id}"))!["capture_url"]);

        using var tenant = server.Client();
        Assert.Equal(HttpStatusCode.NoContent, (await tenant.DeleteAsync($"/v1/sessions/{id}")).StatusCode);
        Assert.Null((await server.GetSessionAsync(id))["capture_url"]);
    }

    [Fact]
    public void The_public_base_url_replaces_the_requests_host()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new EkycOptions { PublicBaseUrl = "https://kyc.example.com/" });
        var links = new CaptureLinks(null!, options, TimeProvider.System);
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("10.0.0.5:8080");
        Assert.Equal("https://kyc.example.com/capture/sess_1#t=ek_client_x", links.UrlFor(request, "sess_1", "ek_client_x"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://shop.example.com/back")]
    [InlineData("https://user:pass@shop.example.com/back")]
    [InlineData("/relative")]
    public async Task A_return_url_is_checked_like_a_webhook_url(string returnUrl)
    {
        var (status, problem) = await PostSessionAsync(new { return_url = returnUrl });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(problem["errors"]!["return_url"]);
    }

    [Fact]
    public async Task The_capture_settings_give_the_tenants_consent_text_return_url_and_sides()
    {
        var (_, session) = await PostSessionAsync(new
        {
            document_types = new[] { "passport", "driving_licence" },
            return_url = "https://shop.example.com/back?order=42",
            consent_text = "Acme Bank checks your identity under the AML rules.",
        });
        using var customer = server.Client(session["client_token"]!.GetValue<string>());
        var settings = (await customer.GetFromJsonAsync<JsonObject>($"/v1/sessions/{session["id"]}/capture"))!;
        Assert.Equal("Acme Bank checks your identity under the AML rules.", settings["consent_text"]!.GetValue<string>());
        Assert.Equal("https://shop.example.com/back?order=42", settings["return_url"]!.GetValue<string>());
        Assert.Equal(["front"], settings["sides"]!["passport"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["front", "back"], settings["sides"]!["driving_licence"]!.AsArray().Select(s => s!.GetValue<string>()));

        var (status, _) = await PostSessionAsync(new { consent_text = new string('x', 2001) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task The_page_is_one_shell_under_a_strict_csp_in_the_negotiated_language()
    {
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        var request = new HttpRequestMessage(HttpMethod.Get, "/capture/sess_anything");
        request.Headers.AcceptLanguage.ParseAdd("de-DE, fr;q=0.8, en;q=0.5");
        var response = await anonymous.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"fr\">", html);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        // No inline code: the only scripts are a module from this origin and a JSON data block.
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("style=", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", ""));
        Assert.DoesNotContain("https://", html);

        Assert.Contains("<html lang=\"en\">", await anonymous.GetStringAsync("/capture/sess_anything?lang=en"));
        var english = new HttpRequestMessage(HttpMethod.Get, "/capture/sess_anything");
        english.Headers.AcceptLanguage.ParseAdd("de-DE");
        Assert.Contains("<html lang=\"en\">", await (await anonymous.SendAsync(english)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Assets_are_served_from_the_assembly_with_etags()
    {
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        var first = await anonymous.GetAsync("/capture/assets/js/main.js");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/javascript", first.Content.Headers.ContentType!.MediaType);
        var again = new HttpRequestMessage(HttpMethod.Get, "/capture/assets/js/main.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/capture/assets/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/capture/assets/js/missing.js")).StatusCode);
    }

    [Fact]
    public void Every_language_file_has_exactly_the_english_keys()
    {
        var texts = new CaptureTexts();
        Assert.Contains("fr", texts.Languages);
        var english = texts.For("en").Select(kv => kv.Key).Order().ToList();
        foreach (var language in texts.Languages)
            Assert.Equal(english, texts.For(language).Select(kv => kv.Key).Order().ToList());
    }

    [Fact]
    public async Task The_precheck_reads_the_mrz_of_a_good_passport_and_sends_a_blurred_one_back()
    {
        var (_, session) = await PostSessionAsync(new { document_types = new[] { "passport" } });
        var id = session["id"]!.GetValue<string>();
        using var customer = server.Client(session["client_token"]!.GetValue<string>());

        var good = await PrecheckAsync(customer, id, Scenes.PassportJpeg());
        Assert.Equal("ok", good["verdict"]!.GetValue<string>());
        Assert.True(good["result"]!["mrz_found"]!.GetValue<bool>());
        Assert.True(good["result"]!["pixels_per_mrz_char"]!.GetValue<double>() >= 13);

        var blurred = new SpecimenRenderer(OcrBFont.Path).Render(
            new Ekyc.Verification.Documents.Mrz.MrzFields(Ekyc.Verification.Documents.Mrz.MrzFormat.Td3, "P", "USA", "CAGE", "NICOLAS", "L8988901C", "USA", "640107", 'M', "330114", ""),
            new SpecimenOptions { Width = 1500, BlurSigma = 8, JpegQuality = 90 });
        var bad = await PrecheckAsync(customer, id, blurred);
        Assert.Equal("retake", bad["verdict"]!.GetValue<string>());
        Assert.Contains("image_blurred", bad["result"]!["problems"]!.AsArray().Select(p => p!.GetValue<string>()));

        // Another session's token cannot look at this one's documents.
        var (_, other) = await PostSessionAsync(new { document_types = new[] { "passport" } });
        using var stranger = server.Client(other["client_token"]!.GetValue<string>());
        var documentId = (await server.GetSessionAsync(id))["documents"]![0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/v1/sessions/{id}/documents/{documentId}/precheck")).StatusCode);
    }

    private static async Task<JsonObject> PrecheckAsync(HttpClient customer, string id, byte[] jpeg)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("front"), "side" },
            { new StringContent("passport"), "type" },
        };
        var file = new ByteArrayContent(jpeg);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "front.jpg");
        var upload = await customer.PostAsync($"/v1/sessions/{id}/documents", form);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var document = (await upload.Content.ReadFromJsonAsync<JsonObject>())!;
        return (await customer.GetFromJsonAsync<JsonObject>($"/v1/sessions/{id}/documents/{document["id"]}/precheck"))!;
    }
}
