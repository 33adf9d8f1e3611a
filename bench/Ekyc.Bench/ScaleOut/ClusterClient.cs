using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Ekyc.Bench.ScaleOut;

/// <summary>
/// What a load balancer in front of the replicas gives a client: requests go round-robin to the running nodes,
/// and a request that hits a dead node is retried on the next one. Every POST carries an Idempotency-Key, so a
/// retry after a lost answer never does the work twice; a key left "started" by a killed node answers 409 until
/// the server takes it over, so 409 in-progress is retried too.
/// </summary>
public sealed class ClusterClient(IReadOnlyList<ServerProcess> nodes)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);
    private readonly Dictionary<Uri, HttpClient> _clients = nodes.ToDictionary(n => n.Address, n => new HttpClient { BaseAddress = n.Address, Timeout = TimeSpan.FromSeconds(30) });
    private int _next;
    private int _retries;

    /// <summary>Requests sent again because a node died under them, refused them or was still busy with the key.</summary>
    public int Retries => _retries;

    public async Task<(HttpStatusCode Status, JsonObject? Body)> SendAsync(Func<HttpRequestMessage> build, string token)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (true)
        {
            var node = PickRunning();
            try
            {
                using var request = build();
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await _clients[node.Address].SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var body = text.Length > 0 && text[0] == '{' ? JsonNode.Parse(text)!.AsObject() : null;
                var retryable = (int)response.StatusCode >= 500
                    || (response.StatusCode == HttpStatusCode.Conflict && body?["code"]?.GetValue<string>() == "idempotency_request_in_progress");
                if (!retryable)
                    return (response.StatusCode, body);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The node died under the request (or refused it): like a load balancer, try another one.
            }
            Interlocked.Increment(ref _retries);
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("No node answered the request in time.");
            await Task.Delay(250);
        }
    }

    private ServerProcess PickRunning()
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[(int)((uint)Interlocked.Increment(ref _next) % nodes.Count)];
            if (node.IsRunning)
                return node;
        }
        return nodes[0];
    }
}
