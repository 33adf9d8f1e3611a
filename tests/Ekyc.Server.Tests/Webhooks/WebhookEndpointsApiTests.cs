using System.Net;
using Dapper;
using System.Net.Http.Json;
using Ekyc.Server.Tests.Infrastructure;

namespace Ekyc.Server.Tests.Webhooks;

public class WebhookEndpointsApiTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task The_secret_is_shown_only_at_creation_and_a_deleted_endpoint_is_gone()
    {
        var (_, key) = await Server.Services.CreateOtherTenantAsync();
        using var client = Server.Client(key);
        var created = await client.PostAsJsonAsync("/v1/webhook-endpoints", new { url = "http://127.0.0.1:9/hook", event_types = new[] { "verification.completed" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var endpoint = await Api.BodyAsync(created);
        var id = endpoint.Str("id");
        Assert.StartsWith("whe_", id);
        Assert.Equal($"/v1/webhook-endpoints/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("webhook_endpoint", endpoint.Str("object"));
        Assert.Equal("enabled", endpoint.Str("status"));
        Assert.Equal(["verification.completed"], endpoint["event_types"]!.AsArray().Select(t => t!.GetValue<string>()));
        var secret = endpoint.Str("secret");
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);

        var fetched = await Api.BodyAsync(await client.GetAsync($"/v1/webhook-endpoints/{id}"));
        Assert.False(fetched.ContainsKey("secret"));
        var list = await client.GetStringAsync("/v1/webhook-endpoints");
        Assert.Contains(id, list);
        Assert.DoesNotContain(secret, list);
        // At rest the secret is ciphertext.
        await using (var connection = await Server.Database.OpenAsync())
        {
            var stored = await connection.QuerySingleAsync<string>("SELECT secret_enc FROM webhook_endpoints WHERE id = @id", new { id });
            Assert.DoesNotContain(secret["whsec_".Length..], stored);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/webhook-endpoints/{id}")).StatusCode);
        await Api.AssertProblemAsync(await client.GetAsync($"/v1/webhook-endpoints/{id}"), HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        await Api.AssertProblemAsync(await client.DeleteAsync($"/v1/webhook-endpoints/{id}"), HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        Assert.DoesNotContain(id, await client.GetStringAsync("/v1/webhook-endpoints"));
    }

    [Fact]
    public async Task The_webhook_routes_are_in_the_openapi_document()
    {
        using var anonymous = new HttpClient { BaseAddress = Server.Address };
        var openapi = await anonymous.GetStringAsync("/openapi/v1.json");
        foreach (var route in new[] { "/v1/webhook-endpoints", "/v1/webhook-endpoints/{id}/rotate-secret", "/v1/webhook-secret/rotate",
                     "/v1/webhook-deliveries", "/v1/webhook-deliveries/{id}/retry" })
            Assert.Contains($"\"{route}\"", openapi);
    }

    [Fact]
    public async Task Bad_requests_are_validation_problems()
    {
        using var client = Server.Client();
        var problem = await Api.AssertProblemAsync(await client.PostAsJsonAsync("/v1/webhook-endpoints", new { url = "http://127.0.0.1:9/x", event_types = new[] { "nope" } }),
            HttpStatusCode.BadRequest, "validation_failed");
        Assert.NotNull(problem["errors"]!["event_types"]);
        await Api.AssertProblemAsync(await client.PostAsJsonAsync("/v1/webhook-endpoints", new { }), HttpStatusCode.BadRequest, "validation_failed");
        await Api.AssertProblemAsync(await client.PostAsJsonAsync("/v1/webhook-endpoints", new { url = "ftp://example.com/x" }),
            HttpStatusCode.UnprocessableEntity, "webhook_url_not_allowed");
        await Api.AssertProblemAsync(await client.GetAsync("/v1/webhook-deliveries?status=lost"), HttpStatusCode.BadRequest, "validation_failed");
        await Api.AssertProblemAsync(await client.GetAsync("/v1/webhook-deliveries?limit=0"), HttpStatusCode.BadRequest, "validation_failed");
        await Api.AssertProblemAsync(await client.GetAsync("/v1/webhook-deliveries?cursor=%%%"), HttpStatusCode.BadRequest, "validation_failed");
        await Api.AssertProblemAsync(await client.PostAsJsonAsync("/v1/webhook-secret/rotate", new { overlap_seconds = -1 }),
            HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Client_tokens_are_refused_and_other_tenants_see_404()
    {
        using var client = Server.Client();
        var session = await Api.CreateSessionAsync(client);
        using var app = Server.Client(session["client_token"]!.GetValue<string>());
        await Api.AssertProblemAsync(await app.GetAsync("/v1/webhook-endpoints"), HttpStatusCode.Forbidden, "forbidden");
        await Api.AssertProblemAsync(await app.PostAsJsonAsync("/v1/webhook-endpoints", new { url = "http://127.0.0.1:9/x" }), HttpStatusCode.Forbidden, "forbidden");
        await Api.AssertProblemAsync(await app.GetAsync("/v1/webhook-secret"), HttpStatusCode.Forbidden, "forbidden");
        await Api.AssertProblemAsync(await app.GetAsync("/v1/webhook-deliveries"), HttpStatusCode.Forbidden, "forbidden");

        var endpoint = await WebhookApi.CreateEndpointAsync(client, "http://127.0.0.1:9/mine", ["session.documents_uploaded"]);
        await Api.UploadDocumentAsync(client, session.Id(), TestImages.Jpeg());
        var delivery = await WebhookApi.WaitForDeliveryAsync(client, $"session_id={session.Id()}", _ => true);

        var (_, otherKey) = await Server.Services.CreateOtherTenantAsync();
        using var other = Server.Client(otherKey);
        var id = endpoint.Str("id");
        await Api.AssertProblemAsync(await other.GetAsync($"/v1/webhook-endpoints/{id}"), HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        await Api.AssertProblemAsync(await other.DeleteAsync($"/v1/webhook-endpoints/{id}"), HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        await Api.AssertProblemAsync(await other.PostAsync($"/v1/webhook-endpoints/{id}/rotate-secret", null), HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        await Api.AssertProblemAsync(await other.GetAsync($"/v1/webhook-deliveries/{delivery.Str("id")}"), HttpStatusCode.NotFound, "webhook_delivery_not_found");
        await Api.AssertProblemAsync(await other.PostAsync($"/v1/webhook-deliveries/{delivery.Str("id")}/retry", null), HttpStatusCode.NotFound, "webhook_delivery_not_found");
        Assert.Empty(await WebhookApi.DeliveriesAsync(other, ""));
        Assert.NotEqual((await Api.BodyAsync(await client.GetAsync("/v1/webhook-secret"))).Str("secret"),
            (await Api.BodyAsync(await other.GetAsync("/v1/webhook-secret"))).Str("secret"));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/webhook-endpoints/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_delivery_log_pages_with_a_cursor()
    {
        var (_, key) = await Server.Services.CreateOtherTenantAsync();
        using var client = Server.Client(key);
        // Port 9 (discard) refuses connections: every delivery stays pending or fails, which is all this test needs.
        await WebhookApi.CreateEndpointAsync(client, "http://127.0.0.1:9/paged", ["session.documents_uploaded"]);
        for (var i = 0; i < 3; i++)
            await Api.UploadDocumentAsync(client, (await Api.CreateSessionAsync(client)).Id(), TestImages.Jpeg());
        await WebhookApi.WaitForDeliveryAsync(client, "limit=100", _ => true);
        while ((await WebhookApi.DeliveriesAsync(client, "limit=100")).Count < 3)
            await Task.Delay(50);

        var first = await Api.BodyAsync(await client.GetAsync("/v1/webhook-deliveries?limit=2"));
        Assert.True(first["has_more"]!.GetValue<bool>());
        var second = await Api.BodyAsync(await client.GetAsync($"/v1/webhook-deliveries?limit=2&cursor={first.Str("next_cursor")}"));
        Assert.False(second["has_more"]!.GetValue<bool>());
        var ids = first["data"]!.AsArray().Concat(second["data"]!.AsArray()).Select(d => d!.Str("id")).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        var failed = await Api.BodyAsync(await client.GetAsync("/v1/webhook-deliveries?status=succeeded"));
        Assert.Empty(failed["data"]!.AsArray());
    }
}
