using System.Net;
using System.Net.Http.Json;
using Ekyc.Server.Tests.Infrastructure;

namespace Ekyc.Server.Tests.Idempotency;

public class IdempotencyTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    private static HttpRequestMessage Create(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/sessions") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task The_same_key_and_request_replays_the_stored_response()
    {
        using var client = Server.Client();
        var key = Guid.NewGuid().ToString();
        var first = await client.SendAsync(Create(key, new { reference = "r1" }));
        var second = await client.SendAsync(Create(key, new { reference = "r1" }));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var page = await Api.BodyAsync(await client.GetAsync("/v1/sessions?limit=100"));
        Assert.Single(page["data"]!.AsArray(), s => s!["reference"]?.GetValue<string>() == "r1");
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_422()
    {
        using var client = Server.Client();
        var key = Guid.NewGuid().ToString();
        await client.SendAsync(Create(key, new { reference = "a" }));
        await Api.AssertProblemAsync(await client.SendAsync(Create(key, new { reference = "b" })), HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Fact]
    public async Task The_same_key_while_the_first_is_running_is_409()
    {
        using var client = Server.Client();
        var key = Guid.NewGuid().ToString();
        await client.SendAsync(Create(key, new { reference = "slow" }));
        // Put the record back to its start marker: to the server the first request is still running.
        await Db.ExecuteAsync(Server, "UPDATE idempotency_keys SET state = 'started', response_enc = NULL WHERE key = @key", new { key });
        await Api.AssertProblemAsync(await client.SendAsync(Create(key, new { reference = "slow" })), HttpStatusCode.Conflict, "idempotency_request_in_progress");
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_create_one_session()
    {
        using var client = Server.Client();
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(Create(key, new { reference = "race" }))));
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var ids = new HashSet<string>();
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Created))
            ids.Add((await Api.BodyAsync(response)).Id());
        Assert.Single(ids);
    }

    [Fact]
    public async Task Uploads_and_submit_replay_without_doing_the_work_twice()
    {
        using var client = Server.Client();
        var id = (await Api.CreateSessionAsync(client)).Id();
        var image = TestImages.Jpeg();
        var first = await Api.UploadDocumentAsync(client, id, image, idempotencyKey: "upload-1");
        var again = await Api.UploadDocumentAsync(client, id, image, idempotencyKey: "upload-1");
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await Api.BodyAsync(first))["id"]!.GetValue<string>(), (await Api.BodyAsync(again))["id"]!.GetValue<string>());
        Assert.Single((await Api.GetSessionAsync(client, id))["documents"]!.AsArray());
        await Api.AssertProblemAsync(await Api.UploadDocumentAsync(client, id, TestImages.Png(), idempotencyKey: "upload-1"), HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");

        await Api.UploadSelfieAsync(client, id, TestImages.Jpeg(seed: 7));
        HttpRequestMessage Submit()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/sessions/{id}/submit");
            request.Headers.Add("Idempotency-Key", "submit-1");
            return request;
        }
        var submitted = await client.SendAsync(Submit());
        var replayed = await client.SendAsync(Submit());
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, replayed.StatusCode);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        await Api.WaitForDecisionAsync(client, id);
        Assert.Equal(1, await Db.CountAsync(Server, "SELECT COUNT(*) FROM engine_runs WHERE session_id = @id", id));
    }

    [Fact]
    public async Task Keys_are_scoped_per_tenant()
    {
        var (_, otherKey) = await Server.Services.CreateOtherTenantAsync();
        using var mine = Server.Client();
        using var theirs = Server.Client(otherKey);
        var key = Guid.NewGuid().ToString();
        var a = await mine.SendAsync(Create(key, new { reference = "mine" }));
        var b = await theirs.SendAsync(Create(key, new { reference = "theirs" }));
        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.NotEqual((await Api.BodyAsync(a)).Id(), (await Api.BodyAsync(b)).Id());
    }
}
