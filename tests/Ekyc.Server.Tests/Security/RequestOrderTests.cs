using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ekyc.Server.Tests.Infrastructure;
using Ekyc.Synthetic.Images;

namespace Ekyc.Server.Tests.Security;

/// <summary>Every request runs authenticate → authorize → state check → header-only limits → decode.</summary>
public class RequestOrderTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task A_large_json_body_from_a_client_token_is_refused_before_it_is_read()
    {
        using var tenant = Server.Client();
        var session = await Api.CreateSessionAsync(tenant);
        // With Expect: 100-continue the body goes out only once the server starts reading it (Kestrel sends the 100 then).
        // Without it, a server that answers unread and closes can break the pipe under the client's write, whatever it
        // answered (a CI run saw exactly that).
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) };
        using var customer = new HttpClient(handler) { BaseAddress = Server.Address };
        customer.DefaultRequestHeaders.Authorization = new("Bearer", session["client_token"]!.GetValue<string>());
        customer.DefaultRequestHeaders.ExpectContinue = true;
        // Malformed on purpose: were it read and parsed before the permission check, the answer would be 400.
        var huge = new StringContent("{\"reference\":" + new string('x', 2_000_000), Encoding.UTF8, "application/json");
        await Api.AssertProblemAsync(await customer.PostAsync("/v1/sessions", huge), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_json_body_over_64_KB_is_413_for_a_secret_key_too()
    {
        using var tenant = Server.Client();
        var huge = new StringContent("{\"reference\":\"" + new string('x', 70_000) + "\"}", Encoding.UTF8, "application/json");
        await Api.AssertProblemAsync(await tenant.PostAsync("/v1/sessions", huge), HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task An_upload_to_a_session_in_the_wrong_state_is_409_before_its_image_is_looked_at()
    {
        using var client = Server.Client();
        var id = (await Api.ReadyToSubmitAsync(client)).Id();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/v1/sessions/{id}/submit", null)).StatusCode);
        // A corrupt image would be 422 image_undecodable if it were decoded first.
        await Api.AssertProblemAsync(await Api.UploadSelfieAsync(client, id, [0xFF, 0xD8, 0xFF, 0x00, 0x01]), HttpStatusCode.Conflict, "invalid_state_transition");
    }

    [Fact]
    public async Task Frames_over_the_request_pixel_budget_are_refused_from_their_headers()
    {
        using var client = Server.Client();
        var id = (await Api.CreateSessionAsync(client)).Id();
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadDocumentAsync(client, id, TestImages.Jpeg())).StatusCode);
        var bomb = PngFiles.HeaderOnly(12_000, 3_333);
        await Api.AssertProblemAsync(await Api.UploadSelfieAsync(client, id, Enumerable.Repeat(bomb, 8).ToArray()),
            HttpStatusCode.UnprocessableEntity, "image_dimensions_out_of_range");
    }

    [Fact]
    public async Task A_jpeg_with_a_hundred_scans_is_refused_before_decoding()
    {
        using var client = Server.Client();
        var id = (await Api.CreateSessionAsync(client)).Id();
        var content = new ByteArrayContent(ManyScans(TestImages.Jpeg(), 99));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        var problem = await Api.AssertProblemAsync(await client.PostAsync($"/v1/sessions/{id}/documents?side=front&type=passport", content),
            HttpStatusCode.UnprocessableEntity, "image_undecodable");
        Assert.Contains("scans", problem["detail"]!.GetValue<string>());
    }

    /// <summary>Inserts empty scans (an SOS header and no data) before the end of a real JPEG.</summary>
    private static byte[] ManyScans(byte[] jpeg, int scans)
    {
        byte[] sos = [0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00];
        var body = jpeg.AsSpan(0, jpeg.Length - 2).ToArray();
        return body.Concat(Enumerable.Range(0, scans).SelectMany(_ => sos)).Concat(new byte[] { 0xFF, 0xD9 }).ToArray();
    }
}
