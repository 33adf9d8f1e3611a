using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ekyc.Core.Engines;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Bench.Documents;

/// <summary>
/// Whole verifications of the realistic set through the real server, round-robin with the synthetic page as the
/// same-run reference: per kind and capture the submit→decision median and p95, each stage's wall and inference time
/// (from the report), the document stage ÷ the same engine alone on the same images, and under a saturating burst the
/// CPU-seconds per verification (beside the document and face engines alone on the same images), the cores kept busy
/// and the verifications decided per minute.
/// </summary>
internal static class RealisticPipelineBench
{
    private sealed record Run(double LatencyMs, string Status, IReadOnlyDictionary<string, (double Ms, double? InferenceMs)> Stages);

    public static async Task RunAsync(InProcessServer server, RealisticDocument reference, int rounds, int perCell, int burst)
    {
        var items = new List<RealisticDocument> { reference };
        items.AddRange(RealisticDocuments.Load(perCell));
        var client = server.Client;
        foreach (var item in items)
            await VerifyAsync(client, item); // warm-up: JIT, ONNX arenas at every size
        // Each server run is followed by the same engine instance the server uses, called directly on the same bytes:
        // interleaved, the two see the same load on a shared machine.
        var engine = server.Services.GetRequiredService<IDocumentVerifier>();
        var faces = server.Services.GetRequiredService<IFaceVerifier>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var runs = items.Select(_ => new List<Run>()).ToList();
        var alone = items.Select(_ => new List<(double DocumentMs, double CpuMs)>()).ToList();
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < rounds; r++)
            for (var k = 0; k < items.Count; k++)
            {
                runs[k].Add(await VerifyAsync(client, items[k]));
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                engine.Verify(new DocumentImages(items[k].Front, items[k].Back, items[k].DocumentType), today, CancellationToken.None);
                var documentMs = clock.Elapsed.TotalMilliseconds;
                faces.Verify(items[k].Front, [items[k].Selfie], null, CancellationToken.None);
                process.Refresh();
                alone[k].Add((documentMs, (process.TotalProcessorTime - cpu).TotalMilliseconds));
            }

        Console.WriteLine();
        Console.WriteLine($"Pipeline, realistic set ({rounds} rounds one at a time, medians; inference = wall time with a model running; {Environment.ProcessorCount} cores)");
        Console.WriteLine("| documents | front width | n | submit→decision median | p95 | ÷ reference | document stage (inference) | faces stage (inference) | total ÷ inference | submit→decision ÷ document stage | document stage ÷ engine alone | decisions |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        var groups = items.Select((item, k) => (Item: item, Runs: runs[k], Alone: alone[k])).GroupBy(x => x.Item.Group).ToList();
        var referenceLatency = Median(groups[0].SelectMany(g => g.Runs).Select(r => r.LatencyMs));
        foreach (var group in groups)
        {
            var all = group.SelectMany(g => g.Runs).ToList();
            var latency = all.Select(r => r.LatencyMs).ToList();
            double Stage(string name) => Median(all.Select(r => r.Stages.TryGetValue(name, out var s) ? s.Ms : double.NaN));
            double Inference(string name) => Median(all.Select(r => r.Stages.TryGetValue(name, out var s) ? s.InferenceMs ?? double.NaN : double.NaN));
            var statuses = string.Join(" ", all.GroupBy(r => r.Status).Select(s => $"{s.Key} {s.Count()}"));
            Console.WriteLine($"| {group.Key} | {RealisticDocuments.Size(group.Select(g => g.Item))} | {all.Count} | {Median(latency):F0} ms | {Percentile(latency, 0.95):F0} ms | " +
                              $"{Median(latency) / referenceLatency:F2} | {Stage("document"):F0} ({Inference("document"):F0}) | {Stage("faces"):F0} ({Inference("faces"):F0}) | " +
                              $"{Stage("total") / Inference("total"):F2} | {Median(latency) / Stage("document"):F2} | {Stage("document") / Median(group.SelectMany(g => g.Alone).Select(a => a.DocumentMs)):F2} | {statuses} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Saturating burst: {burst} verifications submitted at once per row (process CPU time over first submit → last decision)");
        Console.WriteLine("| documents | CPU-seconds per verification | engines alone (document + faces), CPU-seconds | server ÷ engines alone (CPU) | cores busy | decided per minute |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var group in groups.Where(g => g.Key == reference.Group || g.Key.Contains("scan 300 dpi")))
        {
            var documents = group.Select(g => g.Item).ToList();
            var (cpu, wall) = await BurstAsync(client, [.. Enumerable.Range(0, burst).Select(i => documents[i % documents.Count])], ThisProcessCpu);
            var engines = Median(group.SelectMany(g => g.Alone).Select(a => a.CpuMs)) / 1000;
            Console.WriteLine($"| {group.Key} | {cpu / burst:F2} | {engines:F2} | {cpu / burst / engines:F2} | {cpu / wall / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} | {burst / wall * 60:F0} |");
        }
    }

    /// <summary>
    /// Prepares every session first, then submits them all and waits for every decision: the CPU seconds <paramref name="cpu"/>
    /// counted (this process's, or a server process's) and the wall seconds in between.
    /// </summary>
    internal static async Task<(double CpuSeconds, double WallSeconds)> BurstAsync(HttpClient client, List<RealisticDocument> documents, Func<TimeSpan> cpu)
    {
        var ids = new List<string>();
        foreach (var document in documents)
            ids.Add(await PrepareAsync(client, document));
        var before = cpu();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select(id => client.PostAsync($"/v1/sessions/{id}/submit", null)));
        // Polling costs the server CPU too: ask about one session at a time, the last submitted first (the queue is FIFO).
        foreach (var id in Enumerable.Reverse(ids))
            while (await IsPendingAsync(client, id))
                await Task.Delay(250);
        var wall = clock.Elapsed.TotalSeconds;
        return ((cpu() - before).TotalSeconds, wall);
    }

    private static TimeSpan ThisProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Submits a prepared session and waits for its decision: the milliseconds from submit to decision.</summary>
    internal static async Task<double> SubmitAndWaitAsync(HttpClient client, string id)
    {
        var started = Stopwatch.GetTimestamp();
        (await client.PostAsync($"/v1/sessions/{id}/submit", null)).EnsureSuccessStatusCode();
        do
            await Task.Delay(10);
        while (await IsPendingAsync(client, id));
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task<Run> VerifyAsync(HttpClient client, RealisticDocument document)
    {
        var id = await PrepareAsync(client, document);
        var latency = await SubmitAndWaitAsync(client, id);
        var report = JsonNode.Parse(await client.GetStringAsync($"/v1/sessions/{id}/report"))!;
        var stages = report["stages"]!.AsArray().ToDictionary(s => s!["stage"]!.GetValue<string>(),
            s => (s!["milliseconds"]!.GetValue<double>(), s["inference_milliseconds"]?.GetValue<double>()));
        return new Run(latency, report["status"]!.GetValue<string>(), stages);
    }

    internal static async Task<string> PrepareAsync(HttpClient client, RealisticDocument document)
    {
        var created = await client.PostAsJsonAsync("/v1/sessions", new { reference = "bench", document_types = new[] { document.DocumentType } });
        created.EnsureSuccessStatusCode();
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await UploadAsync(client, id, "front", document.DocumentType, document.Front);
        if (document.Back is not null)
            await UploadAsync(client, id, "back", document.DocumentType, document.Back);
        using var selfie = new MultipartFormDataContent { { new ByteArrayContent(document.Selfie), "file", "selfie.jpg" } };
        (await client.PostAsync($"/v1/sessions/{id}/selfie", selfie)).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task UploadAsync(HttpClient client, string id, string side, string type, byte[] image)
    {
        using var content = new MultipartFormDataContent { { new StringContent(side), "side" }, { new StringContent(type), "type" }, { new ByteArrayContent(image), "file", $"{side}.jpg" } };
        (await client.PostAsync($"/v1/sessions/{id}/documents", content)).EnsureSuccessStatusCode();
    }

    private static async Task<bool> IsPendingAsync(HttpClient client, string id) =>
        await StatusAsync(client, id) is "submitted" or "processing";

    internal static async Task<string> StatusAsync(HttpClient client, string id) =>
        JsonNode.Parse(await client.GetStringAsync($"/v1/sessions/{id}"))!["status"]!.GetValue<string>();

    private static double Median(IEnumerable<double> values) => Percentile([.. values], 0.5);

    internal static double Percentile(List<double> values, double q)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
    }
}
