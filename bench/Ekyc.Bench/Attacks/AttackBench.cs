using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ekyc.Synthetic.Images;
using SkiaSharp;

namespace Ekyc.Bench.Attacks;

/// <summary>
/// <c>attacks --url URL --key KEY --pid PID [--runs N] [--jpeg FILE]</c>: the costly-request attacks of the hardening
/// review, against any running server (so an old build and a new one can be measured the same way): latency of each
/// request and the server's resident memory (sampled from <c>/proc/PID/status</c> every 10 ms) before and at its peak.
/// <c>--jpeg</c> adds uploads of the given JPEG, e.g. the many-scan progressive one (no progressive encoder ships with .NET: make it
/// with libjpeg's <c>jpegtran -scans</c>, see README).
/// </summary>
public static class AttackBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"{name} is required");
        var url = new Uri(Arg("--url"));
        var key = Arg("--key");
        var pid = int.Parse(Arg("--pid"));
        var runs = args.Contains("--runs") ? int.Parse(Arg("--runs")) : 3;
        var jpeg = args.Contains("--jpeg") ? await File.ReadAllBytesAsync(Arg("--jpeg")) : null;

        using var tenant = Client(url, key);
        var bomb = PngFiles.AllBlack(12_000, 3_333);
        Console.WriteLine($"pixel-bomb PNG: 12000x3333, {bomb.Length / 1024} KiB; server pid {pid}");
        if (jpeg is not null)
        {
            using var codec = SKCodec.Create(new MemoryStream(jpeg));
            Console.WriteLine($"JPEG: {codec.Info.Width}x{codec.Info.Height}, {Ekyc.Server.Uploads.JpegScans.Walk(jpeg, 1000).Scans} scans, " +
                $"{jpeg.Length / 1024} KiB");
        }
        for (var run = 0; run < runs; run++)
        {
            await MeasureAsync($"6 parallel selfies of 8 bomb frames (session accepting) #{run + 1}", pid, async () =>
            {
                var sessions = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ReadyForSelfieAsync(tenant)));
                return await Task.WhenAll(sessions.Select(id => TimeAsync(() => tenant.PostAsync($"/v1/sessions/{id}/selfie", Frames(bomb, 8)))));
            });
            await MeasureAsync($"6 parallel selfies of 8 bomb frames (session already submitted) #{run + 1}", pid, async () =>
            {
                var sessions = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SubmittedAsync(tenant)));
                return await Task.WhenAll(sessions.Select(id => TimeAsync(() => tenant.PostAsync($"/v1/sessions/{id}/selfie", Frames(bomb, 8)))));
            });
            if (jpeg is not null)
            {
                await MeasureAsync($"8 frames of the JPEG as one selfie (session accepting) #{run + 1}", pid, async () =>
                {
                    var id = await ReadyForSelfieAsync(tenant);
                    return [await TimeAsync(() => tenant.PostAsync($"/v1/sessions/{id}/selfie", Frames(jpeg, 8)))];
                });
                await MeasureAsync($"the JPEG as a document #{run + 1}", pid, async () =>
                {
                    var created = JsonNode.Parse(await (await tenant.PostAsJsonAsync("/v1/sessions", new { reference = "attack" })).Content.ReadAsStringAsync())!;
                    var form = new MultipartFormDataContent
                    {
                        { new StringContent("front"), "side" }, { new StringContent("passport"), "type" }, { new ByteArrayContent(jpeg), "file", "d.jpg" },
                    };
                    return [await TimeAsync(() => tenant.PostAsync($"/v1/sessions/{created["id"]!.GetValue<string>()}/documents", form))];
                });
            }
            await MeasureAsync($"55 MB JSON body from a client token #{run + 1}", pid, async () =>
            {
                var created = JsonNode.Parse(await (await tenant.PostAsJsonAsync("/v1/sessions", new { reference = "attack" })).Content.ReadAsStringAsync())!;
                using var customer = Client(url, created["client_token"]!.GetValue<string>());
                var body = "{\"reference\":\"" + new string('x', 55_000_000) + "\"}";
                // As a well-behaved client sends a large body: it waits for 100 Continue, which a server that refuses first never sends.
                return [await TimeAsync(() => customer.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v1/sessions")
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    Headers = { ExpectContinue = true },
                }))];
            });
        }
        return 0;
    }

    private static HttpClient Client(Uri url, string token)
    {
        var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task MeasureAsync(string name, int pid, Func<Task<(double Ms, int Status)[]>> attack)
    {
        GC.Collect();
        await Task.Delay(500);
        var before = ResidentMiB(pid);
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentMiB(pid));
                await Task.Delay(10);
            }
        });
        var results = await attack();
        stop.Cancel();
        await sampler;
        var times = results.Select(r => r.Ms).Order().ToArray();
        Console.WriteLine($"{name}: statuses {string.Join(",", results.Select(r => r.Status).Distinct())}; latency median {times[times.Length / 2]:F0} ms, " +
            $"max {times[^1]:F0} ms; RSS {before:F0} → peak {peak:F0} MiB (+{peak - before:F0})");
    }

    private static async Task<(double Ms, int Status)> TimeAsync(Func<Task<HttpResponseMessage>> send)
    {
        var watch = Stopwatch.StartNew();
        using var response = await send();
        await response.Content.ReadAsByteArrayAsync();
        return (watch.Elapsed.TotalMilliseconds, (int)response.StatusCode);
    }

    private static double ResidentMiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0;
        return 0;
    }

    private static async Task<string> ReadyForSelfieAsync(HttpClient tenant)
    {
        var created = JsonNode.Parse(await (await tenant.PostAsJsonAsync("/v1/sessions", new { reference = "attack" })).Content.ReadAsStringAsync())!;
        var id = created["id"]!.GetValue<string>();
        var form = new MultipartFormDataContent { { new StringContent("front"), "side" }, { new StringContent("passport"), "type" }, { new ByteArrayContent(SmallJpeg()), "file", "d.jpg" } };
        (await tenant.PostAsync($"/v1/sessions/{id}/documents", form)).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<string> SubmittedAsync(HttpClient tenant)
    {
        var id = await ReadyForSelfieAsync(tenant);
        (await tenant.PostAsync($"/v1/sessions/{id}/selfie", Frames(SmallJpeg(), 1))).EnsureSuccessStatusCode();
        (await tenant.PostAsync($"/v1/sessions/{id}/submit", null)).EnsureSuccessStatusCode();
        return id;
    }

    private static MultipartFormDataContent Frames(byte[] frame, int count)
    {
        var form = new MultipartFormDataContent();
        for (var i = 0; i < count; i++)
            form.Add(new ByteArrayContent(frame), "file", $"f{i}.png");
        return form;
    }

    private static byte[] SmallJpeg()
    {
        using var bitmap = new SKBitmap(640, 480);
        bitmap.Erase(SKColors.SlateGray);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
