using System.Net;
using System.Net.Http.Json;
using Ekyc.Server.Tests.Infrastructure;

namespace Ekyc.Server.Tests.Security;

/// <summary>Idempotency records belong to (tenant, credential, key), and only requests the credential may make reach them.</summary>
public class IdempotencyScopeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    private static HttpRequestMessage Post(string path, string key, object? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private async Task<HttpClient> ClientTokenAsync()
    {
        using var tenant = Server.Client();
        var session = await Api.CreateSessionAsync(tenant);
        return Server.Client(session["client_token"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_token_replaying_a_tenant_key_gets_403_not_the_stored_session()
    {
        using var tenant = Server.Client();
        var key = "create-user-" + Guid.NewGuid().ToString("N")[..6];
        var body = new { reference = "victim", metadata = new Dictionary<string, string> { ["plan"] = "gold" } };
        var created = await tenant.SendAsync(Post("/v1/sessions", key, body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secretToken = (await Api.BodyAsync(created))["client_token"]!.GetValue<string>();

        using var customer = await ClientTokenAsync();
        var replay = await customer.SendAsync(Post("/v1/sessions", key, body));
        var text = await replay.Content.ReadAsStringAsync();
        Assert.DoesNotContain(secretToken, text);
        await Api.AssertProblemAsync(replay, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_client_token_cannot_replay_webhook_secrets()
    {
        using var tenant = Server.Client();
        var rotateKey = "rotate-" + Guid.NewGuid().ToString("N")[..6];
        var rotated = await tenant.SendAsync(Post("/v1/webhook-secret/rotate", rotateKey, null));
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var secret = (await Api.BodyAsync(rotated))["secret"]!.GetValue<string>();

        using var customer = await ClientTokenAsync();
        var replay = await customer.SendAsync(Post("/v1/webhook-secret/rotate", rotateKey, null));
        Assert.DoesNotContain(secret, await replay.Content.ReadAsStringAsync());
        await Api.AssertProblemAsync(replay, HttpStatusCode.Forbidden, "forbidden");

        var endpointKey = "endpoint-" + Guid.NewGuid().ToString("N")[..6];
        var endpoint = new { url = "https://93.184.216.34/hooks" };
        var replayedEndpoint = await customer.SendAsync(Post("/v1/webhook-endpoints", endpointKey, endpoint));
        await Api.AssertProblemAsync(replayedEndpoint, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_refusal_is_never_stored_under_the_key()
    {
        var key = "create-user-" + Guid.NewGuid().ToString("N")[..6];
        var body = new { reference = "later" };
        using (var customer = await ClientTokenAsync())
            await Api.AssertProblemAsync(await customer.SendAsync(Post("/v1/sessions", key, body)), HttpStatusCode.Forbidden, "forbidden");
        using var tenant = Server.Client();
        var created = await tenant.SendAsync(Post("/v1/sessions", key, body));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(created.Headers.Contains("Idempotent-Replayed"));

        var missing = "sess_" + Guid.NewGuid().ToString("N");
        var notFoundKey = Guid.NewGuid().ToString();
        await Api.AssertProblemAsync(await tenant.SendAsync(Post($"/v1/sessions/{missing}/submit", notFoundKey, null)), HttpStatusCode.NotFound, "session_not_found");
        Assert.Equal(0, await Db.ScalarAsync<long>(Server, "SELECT COUNT(*) FROM idempotency_keys WHERE key = @notFoundKey", new { notFoundKey }));
    }

    [Fact]
    public async Task Another_api_key_of_the_same_tenant_has_its_own_keys()
    {
        using var first = Server.Client();
        var (_, secondKey) = await Server.Services.CreateKeyForInitialTenantAsync();
        using var second = Server.Client(secondKey);
        var key = Guid.NewGuid().ToString();
        var a = await Api.BodyAsync(await first.SendAsync(Post("/v1/sessions", key, new { reference = "same" })));
        var b = await second.SendAsync(Post("/v1/sessions", key, new { reference = "same" }));
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.False(b.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(a.Id(), (await Api.BodyAsync(b)).Id());
    }
}
