using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ekyc.Server.Tests.Infrastructure;

/// <summary>Small helpers to drive the API the way a client app does.</summary>
public static class Api
{
    public static async Task<JsonObject> CreateSessionAsync(HttpClient client, object? body = null)
    {
        var response = await client.PostAsJsonAsync("/v1/sessions", body ?? new { reference = "customer-42" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await BodyAsync(response);
    }

    public static Task<HttpResponseMessage> UploadDocumentAsync(HttpClient client, string id, byte[] image, string side = "front",
        string type = "passport", string fileName = "document.jpg", string? idempotencyKey = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(side), "side" },
            { new StringContent(type), "type" },
            { new ByteArrayContent(image), "file", fileName },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/sessions/{id}/documents") { Content = form };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> UploadRawDocumentAsync(HttpClient client, string id, byte[] image, string side, string type)
    {
        var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync($"/v1/sessions/{id}/documents?side={side}&type={type}", content);
    }

    public static Task<HttpResponseMessage> UploadSelfieAsync(HttpClient client, string id, params byte[][] frames)
    {
        var form = new MultipartFormDataContent();
        foreach (var frame in frames)
            form.Add(new ByteArrayContent(frame), "file", "selfie.jpg");
        return client.PostAsync($"/v1/sessions/{id}/selfie", form);
    }

    public static async Task<JsonObject> ReadyToSubmitAsync(HttpClient client)
    {
        var session = await CreateSessionAsync(client);
        var id = session["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, (await UploadDocumentAsync(client, id, TestImages.Jpeg())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadSelfieAsync(client, id, TestImages.Jpeg(seed: 9))).StatusCode);
        return session;
    }

    public static async Task<JsonObject> GetSessionAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/v1/sessions/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await BodyAsync(response);
    }

    /// <summary>Polls like a client would until the session leaves processing.</summary>
    public static async Task<JsonObject> WaitForDecisionAsync(HttpClient client, string id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var session = await GetSessionAsync(client, id);
            if (session["status"]!.GetValue<string>() is "approved" or "rejected" or "manual_review")
                return session;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Session {id} still {session["status"]} after the timeout.");
            await Task.Delay(100);
        }
    }

    public static async Task<JsonObject> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Asserts an RFC 9457 problem with the given status and stable code.</summary>
    public static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(code, problem["code"]!.GetValue<string>());
        Assert.Equal($"urn:ekyc:problem:{code}", problem["type"]!.GetValue<string>());
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }

    public static string Id(this JsonObject session) => session["id"]!.GetValue<string>();

    public static string Status(this JsonObject session) => session["status"]!.GetValue<string>();

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
