using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ekyc.Server.Tests.Infrastructure;

namespace Ekyc.Server.Tests.Uploads;

public class UploadValidationTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await TestServer.StartAsync(null, "Ekyc:Uploads:MaxBytes=300000", "Ekyc:Uploads:MaxPixels=3000000");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, HttpStatusCode, string> BadUploads => new()
    {
        { "zero_bytes", HttpStatusCode.BadRequest, "image_empty" },
        { "truncated_jpeg", HttpStatusCode.UnprocessableEntity, "image_undecodable" },
        { "text_named_jpg", HttpStatusCode.UnsupportedMediaType, "unsupported_media_type" },
        { "too_many_bytes", HttpStatusCode.RequestEntityTooLarge, "image_too_large" },
        { "too_many_pixels", HttpStatusCode.UnprocessableEntity, "image_dimensions_out_of_range" },
        { "too_small", HttpStatusCode.UnprocessableEntity, "image_dimensions_out_of_range" },
    };

    private static byte[] Make(string kind) => kind switch
    {
        "zero_bytes" => [],
        "truncated_jpeg" => TestImages.Jpeg()[..4000],
        "text_named_jpg" => Encoding.UTF8.GetBytes("This is a text file pretending to be a JPEG.\n"),
        "too_many_bytes" => Noise(400_000),
        "too_many_pixels" => TestImages.Png(2500, 1300),
        "too_small" => TestImages.Png(120, 90),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A real JPEG header followed by noise, so only the size rule can refuse it.</summary>
    private static byte[] Noise(int size)
    {
        var bytes = new byte[size];
        new Random(5).NextBytes(bytes);
        TestImages.Jpeg()[..3].CopyTo(bytes, 0);
        return bytes;
    }

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_document_upload_has_its_own_code_and_leaves_the_session_unchanged(string kind, HttpStatusCode status, string code)
    {
        using var client = _server.Client();
        var id = (await Api.CreateSessionAsync(client)).Id();
        await Api.AssertProblemAsync(await Api.UploadDocumentAsync(client, id, Make(kind), fileName: "photo.jpg"), status, code);
        await Api.AssertProblemAsync(await Api.UploadRawDocumentAsync(client, id, Make(kind), "front", "passport"), status, code);

        var session = await Api.GetSessionAsync(client, id);
        Assert.Equal("created", session.Status());
        Assert.Empty(session["documents"]!.AsArray());
        Assert.Empty(await _server.StoredBlobsAsync());
    }

    [Fact]
    public async Task A_bad_selfie_frame_refuses_the_whole_upload()
    {
        using var client = _server.Client();
        var id = (await Api.CreateSessionAsync(client)).Id();
        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());
        await Api.AssertProblemAsync(await Api.UploadSelfieAsync(client, id, TestImages.Jpeg(), Make("truncated_jpeg")), HttpStatusCode.UnprocessableEntity, "image_undecodable");
        var session = await Api.GetSessionAsync(client, id);
        Assert.Equal("documents_uploaded", session.Status());
        Assert.Empty(session["selfie"]!.AsArray());
    }

    [Fact]
    public async Task A_multipart_body_cut_before_its_closing_boundary_is_a_client_error()
    {
        // Found by the upload fuzz target: the form reader's IOException used to become a 500.
        using var client = _server.Client();
        var id = (await Api.CreateSessionAsync(client)).Id();
        using var body = new ByteArrayContent([.. "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\n"u8, .. TestImages.Jpeg()[..2000]]);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        await Api.AssertProblemAsync(await client.PostAsync($"/v1/sessions/{id}/documents", body), HttpStatusCode.BadRequest, "malformed_request");
        Assert.Equal("created", (await Api.GetSessionAsync(client, id)).Status());
    }

    [Fact]
    public async Task The_type_comes_from_the_content_not_the_name()
    {
        using var client = _server.Client();
        var id = (await Api.CreateSessionAsync(client)).Id();
        var response = await Api.UploadDocumentAsync(client, id, TestImages.Png(), fileName: "scan.jpg");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("image/png", (await Api.BodyAsync(response))["media_type"]!.GetValue<string>());
        var webp = await Api.UploadDocumentAsync(client, id, TestImages.Webp(), side: "back", fileName: "scan.txt");
        Assert.Equal("image/webp", (await Api.BodyAsync(webp))["media_type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Selfie_frames_are_stored_in_order_and_a_retake_replaces_them()
    {
        using var client = _server.Client();
        var id = (await Api.CreateSessionAsync(client)).Id();
        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadSelfieAsync(client, id, TestImages.Jpeg(seed: 1), TestImages.Jpeg(seed: 2), TestImages.Jpeg(seed: 3))).StatusCode);
        Assert.Equal([0, 1, 2], (await Api.GetSessionAsync(client, id))["selfie"]!.AsArray().Select(f => f!["frame"]!.GetValue<int>()));
        await Api.UploadSelfieAsync(client, id, TestImages.Jpeg(seed: 4));
        Assert.Single((await Api.GetSessionAsync(client, id))["selfie"]!.AsArray());
    }

    [Fact]
    public async Task Stored_images_are_encrypted_and_not_readable_as_images()
    {
        using var client = _server.Client();
        var id = (await Api.CreateSessionAsync(client)).Id();
        var original = TestImages.Jpeg();
        await Api.UploadDocumentAsync(client, id, original);
        var blobs = await _server.StoredBlobsAsync();
        Assert.NotEmpty(blobs);
        foreach (var stored in blobs)
        {
            Assert.Null(Ekyc.Server.Uploads.ImageFormat.Sniff(stored));
            Assert.Null(SkiaSharp.SKCodec.Create(new MemoryStream(stored)));
            Assert.Equal(-1, stored.AsSpan().IndexOf(original.AsSpan(100, 64)));
        }
        // On PostgreSQL the master key comes from configuration; no key file exists.
        if (!_server.UsesPostgres)
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, new FileInfo(Path.Combine(_server.DataPath, "master.key")).UnixFileMode);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, new FileInfo(Path.Combine(_server.DataPath, "initial-api-key.txt")).UnixFileMode);
    }
}
