using System.Net;
using System.Net.Http.Json;
using Ekyc.Server.Tests.Infrastructure;

namespace Ekyc.Server.Tests.Auth;

public class AuthenticationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task Missing_or_unknown_credentials_are_401_problems()
    {
        using var anonymous = new HttpClient { BaseAddress = Server.Address };
        await Api.AssertProblemAsync(await anonymous.GetAsync("/v1/sessions"), HttpStatusCode.Unauthorized, "unauthorized");
        using var wrong = Server.Client("ek_live_not-a-real-key");
        await Api.AssertProblemAsync(await wrong.PostAsJsonAsync("/v1/sessions", new { }), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Tenants_never_see_each_other_and_a_foreign_id_is_404()
    {
        var (_, otherKey) = await Server.Services.CreateOtherTenantAsync();
        using var mine = Server.Client();
        using var theirs = Server.Client(otherKey);
        var id = (await Api.CreateSessionAsync(mine)).Id();
        await Api.AssertProblemAsync(await theirs.GetAsync($"/v1/sessions/{id}"), HttpStatusCode.NotFound, "session_not_found");
        await Api.AssertProblemAsync(await theirs.GetAsync($"/v1/sessions/{id}/report"), HttpStatusCode.NotFound, "session_not_found");
        await Api.AssertProblemAsync(await Api.UploadDocumentAsync(theirs, id, TestImages.Jpeg()), HttpStatusCode.NotFound, "session_not_found");
        await Api.AssertProblemAsync(await theirs.DeleteAsync($"/v1/sessions/{id}"), HttpStatusCode.NotFound, "session_not_found");
        await Api.AssertProblemAsync(await theirs.GetAsync("/v1/sessions/sess_doesnotexist"), HttpStatusCode.NotFound, "session_not_found");
        var list = await Api.BodyAsync(await theirs.GetAsync("/v1/sessions"));
        Assert.DoesNotContain(list["data"]!.AsArray(), s => s!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task A_client_token_is_limited_to_its_own_session_uploads_submit_and_status()
    {
        using var client = Server.Client();
        var mine = await Api.CreateSessionAsync(client);
        var other = (await Api.CreateSessionAsync(client)).Id();
        using var app = Server.Client(mine["client_token"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync($"/v1/sessions/{mine.Id()}")).StatusCode);
        await Api.AssertProblemAsync(await app.GetAsync($"/v1/sessions/{other}"), HttpStatusCode.NotFound, "session_not_found");
        await Api.AssertProblemAsync(await Api.UploadDocumentAsync(app, other, TestImages.Jpeg()), HttpStatusCode.NotFound, "session_not_found");
        await Api.AssertProblemAsync(await app.GetAsync($"/v1/sessions/{mine.Id()}/report"), HttpStatusCode.Forbidden, "forbidden");
        await Api.AssertProblemAsync(await app.GetAsync("/v1/sessions"), HttpStatusCode.Forbidden, "forbidden");
        await Api.AssertProblemAsync(await app.PostAsJsonAsync("/v1/sessions", new { }), HttpStatusCode.Forbidden, "forbidden");
        await Api.AssertProblemAsync(await app.DeleteAsync($"/v1/sessions/{mine.Id()}"), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Unknown_routes_and_methods_are_problems_too()
    {
        using var client = Server.Client();
        await Api.AssertProblemAsync(await client.GetAsync("/v1/nothing-here"), HttpStatusCode.NotFound, "route_not_found");
        await Api.AssertProblemAsync(await client.PutAsync("/v1/sessions", null), HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task Health_and_the_openapi_document_need_no_key()
    {
        using var anonymous = new HttpClient { BaseAddress = Server.Address };
        var health = await Api.BodyAsync(await anonymous.GetAsync("/health"));
        Assert.Equal("ok", health["status"]!.GetValue<string>());
        var openapi = await anonymous.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/v1/sessions/{id}/submit", openapi);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/scalar/v1")).StatusCode);
    }

    [Fact]
    public async Task Api_keys_are_stored_only_as_hashes()
    {
        await using var connection = await Server.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_hash FROM api_keys";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            Assert.DoesNotContain(Server.ApiKey, reader.GetString(0));
        if (Server.DatabaseFile is { } file)
            Assert.Equal(-1, (await File.ReadAllBytesAsync(file)).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(Server.ApiKey)));
    }
}

public class RateLimitTests
{
    [Fact]
    public async Task Requests_over_the_limit_get_429_with_ratelimit_headers()
    {
        await using var server = await TestServer.StartAsync(null, "Ekyc:RateLimit:PermitLimit=5", "Ekyc:RateLimit:Window=00:01:00");
        using var client = server.Client();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 7; i++)
            responses.Add(await client.GetAsync("/v1/sessions"));
        Assert.All(responses.Take(5), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Contains("r=4", responses[0].Headers.GetValues("RateLimit").Single());
        Assert.Contains("q=5", responses[0].Headers.GetValues("RateLimit-Policy").Single());
        await Api.AssertProblemAsync(responses[6], HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(responses[6].Headers.RetryAfter is not null);

        // Another key has its own budget.
        var (_, otherKey) = await server.Services.CreateOtherTenantAsync();
        using var other = server.Client(otherKey);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/v1/sessions")).StatusCode);
    }
}
