using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ekyc.Bench;

/// <summary>
/// Closed-loop HTTP load on a real Kestrel server over SQLite: the bare liveness endpoint (the reference),
/// session creation and status polling. Prints requests/s and latency percentiles per scenario.
/// Usage: <c>http [--seconds 10] [--concurrency 16]</c>.
/// </summary>
public static class HttpLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Arg(args, "--seconds", 10);
        var concurrency = Arg(args, "--concurrency", 16);
        await using var server = await InProcessServer.StartAsync("bench", "--Ekyc:Roles=api");
        var client = server.Client;
        var ids = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            var created = await client.PostAsJsonAsync("/v1/sessions", new { reference = "bench" });
            ids.Add(JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        }

        Console.WriteLine($"Ekyc HTTP load: {concurrency} concurrent clients, {seconds} s per scenario, SQLite in {server.DataPath}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"scenario",-28} {"req/s",10} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"errors",7}");
        await Scenario("GET /health/live (bare)", seconds, concurrency, (_, _) => client.GetAsync("/health/live"));
        await Scenario("POST /v1/sessions", seconds, concurrency, (_, _) => client.PostAsJsonAsync("/v1/sessions", new { reference = "bench" }));
        await Scenario("GET /v1/sessions/{id}", seconds, concurrency, (worker, n) => client.GetAsync($"/v1/sessions/{ids[(worker * 7919 + n) % ids.Count]}"));
        return 0;
    }

    private static async Task Scenario(string name, int seconds, int concurrency, Func<int, int, Task<HttpResponseMessage>> send)
    {
        // Warm up connections and JIT before measuring.
        for (var i = 0; i < 50; i++)
            (await send(0, i)).Dispose();
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var stop = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<double>(100_000);
            for (var n = 0; stop.Elapsed < deadline; n++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await send(worker, n);
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                    Interlocked.Increment(ref errors);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        Console.WriteLine($"{name,-28} {all.Length / stop.Elapsed.TotalSeconds,10:F0} {P(0.50),8:F2} {P(0.90),8:F2} {P(0.99),8:F2} {errors,7}");
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1]) : fallback;
    }
}
