using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ekyc.Server.Tests.Infrastructure;

namespace Ekyc.Server.Tests.Webhooks;

/// <summary>Drives the webhook routes the way a tenant's backend does.</summary>
public static class WebhookApi
{
    public static async Task<JsonObject> CreateEndpointAsync(HttpClient client, string url, string[]? eventTypes = null)
    {
        var response = await client.PostAsJsonAsync("/v1/webhook-endpoints", new { url, event_types = eventTypes, description = "test" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonArray> DeliveriesAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/v1/webhook-deliveries?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Api.BodyAsync(response))["data"]!.AsArray();
    }

    public static async Task<JsonObject> DeliveryAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/v1/webhook-deliveries/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Api.BodyAsync(response);
    }

    /// <summary>Polls the delivery log until a delivery matches (bounded).</summary>
    public static async Task<JsonObject> WaitForDeliveryAsync(HttpClient client, string query, Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var deliveries = await DeliveriesAsync(client, query);
            if (deliveries.Select(d => d!.AsObject()).FirstOrDefault(match) is { } found)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No delivery matched in time; log: {deliveries.ToJsonString()}");
            await Task.Delay(50);
        }
    }

    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();
}
