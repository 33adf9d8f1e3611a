using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Ekyc.Server.Auth;
using Ekyc.Server.Review.Accounts;
using Ekyc.Server.Tests.Infrastructure;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Ekyc.Console.Tests.Infrastructure;

/// <summary>
/// One real server (SQLite, every engine on) with two tenants, whose sessions went through the real pipeline:
/// tenant A has <see cref="ReviewCount"/> sessions in <c>manual_review</c> (a rendered passport with a real face and
/// a selfie of the same person, all five checks asked for: the PEP check cannot run without a PEP list, so the
/// policy sends them to a human) and one <c>rejected</c> session (a selfie of someone else); tenant B has one in
/// <c>manual_review</c>. The sessions name <see cref="Webhooks"/> as their webhook URL.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const int ReviewCount = 4;
    public const string Password = "correct horse battery staple";

    public TestServer Server { get; private set; } = null!;
    public WebhookReceiver Webhooks { get; private set; } = null!;
    /// <summary>The receiver path every session of this fixture names as its <c>webhook_url</c>.</summary>
    public string Hook { get; private set; } = "";
    public string TenantA { get; private set; } = "";
    public string TenantB { get; private set; } = "";
    public IReadOnlyList<string> ReviewA { get; private set; } = [];
    public string RejectedA { get; private set; } = "";
    public string ReviewB { get; private set; } = "";
    public string ApiKeyA => Server.ApiKey;

    public async Task InitializeAsync()
    {
        Webhooks = await WebhookReceiver.StartAsync();
        Hook = Webhooks.Path("console");
        Server = await TestServer.StartAsync(null, "Ekyc:Webhooks:AllowPrivateNetworks=true", "Ekyc:Webhooks:AllowHttp=true",
            "Ekyc:Webhooks:PollInterval=00:00:00.050", "Ekyc:RateLimit:PermitLimit=100000");
        await using (var connection = await Server.Database.OpenAsync())
            TenantA = await connection.QuerySingleAsync<string>("SELECT id FROM tenants");
        var (tenantB, keyB) = await Server.Services.GetRequiredService<ApiKeys>().CreateKeyAsync("tenant-b");
        TenantB = tenantB;

        var passport = new SpecimenRenderer(OcrBFont.Path).Render(
            new MrzFields(MrzFormat.Td3, "P", "USA", "CAGE", "NICOLAS", "L8988901C", "USA", "640107", 'M', "330114", ""),
            new SpecimenOptions { Width = 1500, JpegQuality = 90, Portrait = Photos.Read("cage2_crop.jpg") });
        // Taken from too far away (the face under a fifth of the frame, `face_too_far`): liveness sends it to a human.
        var selfie = FarFromCamera(Photos.Read("cage.jpg"));
        var stranger = Photos.Read("audrey.jpg");

        using var clientA = Server.Client();
        using var clientB = Server.Client(keyB);
        var review = new List<string>();
        for (var i = 0; i < ReviewCount; i++)
            review.Add(await SubmitAsync(clientA, $"customer-a-{i}", passport, selfie));
        var rejected = await SubmitAsync(clientA, "customer-a-stranger", passport, stranger);
        var reviewB = await SubmitAsync(clientB, "customer-b-0", passport, selfie);

        foreach (var (client, id, expected) in review.Select(id => (clientA, id, "manual_review")).Append((clientA, rejected, "rejected")).Append((clientB, reviewB, "manual_review")))
        {
            var status = await WaitForDecisionAsync(client, id);
            Assert.True(status == expected, $"Session {id} ended {status}, the fixture needs {expected}.");
        }
        ReviewA = review;
        RejectedA = rejected;
        ReviewB = reviewB;
    }

    private static byte[] FarFromCamera(byte[] photo)
    {
        using var person = SKBitmap.Decode(photo);
        using var frame = new SKBitmap(1280, 720);
        using (var canvas = new SKCanvas(frame))
        {
            canvas.Clear(new SKColor(128, 128, 128));
            var height = 720 * 0.22f;
            var width = height * person.Width / person.Height;
            using var portrait = SKImage.FromBitmap(person);
            canvas.DrawImage(portrait, SKRect.Create((1280 - width) / 2, (720 - height) / 2, width, height), new SKSamplingOptions(SKFilterMode.Linear));
        }
        using var still = SKImage.FromBitmap(frame);
        using var encoded = still.Encode(SKEncodedImageFormat.Jpeg, 92);
        return encoded.ToArray();
    }

    /// <summary>A console account with a password, made as <c>users create</c> does and set through its one-time link.</summary>
    public async Task<string> CreateUserAsync(string tenant, string role = ConsoleRole.Reviewer)
    {
        var accounts = Server.Services.GetRequiredService<ConsoleAccounts>();
        var email = $"{role}-{Guid.NewGuid():N}"[..20] + "@example.com";
        var (_, link) = await accounts.CreateAsync(tenant, email, role, CancellationToken.None);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        Assert.NotNull(await accounts.SetPasswordAsync(token, Password, CancellationToken.None));
        return email;
    }

    /// <summary>A new account's one-time link, as the CLI prints it but pointing at the test server.</summary>
    public async Task<(string Email, string Link)> InviteAsync(string tenant, string role = ConsoleRole.Reviewer)
    {
        var email = $"invited-{Guid.NewGuid():N}"[..20] + "@example.com";
        var (_, link) = await Server.Services.GetRequiredService<ConsoleAccounts>().CreateAsync(tenant, email, role, CancellationToken.None);
        return (email, link[link.IndexOf("/console/", StringComparison.Ordinal)..]);
    }

    public async Task<JsonObject> GetSessionAsync(string id, string? apiKey = null)
    {
        using var client = Server.Client(apiKey);
        return JsonNode.Parse(await client.GetStringAsync($"/v1/sessions/{id}"))!.AsObject();
    }

    public async Task<JsonObject> GetReportAsync(string id)
    {
        using var client = Server.Client();
        return JsonNode.Parse(await client.GetStringAsync($"/v1/sessions/{id}/report"))!.AsObject();
    }

    /// <summary>The console's name of a check, as its resource file words it.</summary>
    public static string CheckLabel(string check) => check switch
    {
        "document_authenticity" => "Document authenticity",
        "face_match" => "Face match",
        "face_liveness" => "Face liveness",
        "sanctions_screening" => "Sanctions screening",
        "pep_screening" => "PEP screening",
        _ => check,
    };

    private async Task<string> SubmitAsync(HttpClient client, string reference, byte[] document, byte[] selfie)
    {
        var created = await client.PostAsJsonAsync("/v1/sessions", new { reference, webhook_url = Webhooks.Url(Hook) });
        created.EnsureSuccessStatusCode();
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        using var front = new MultipartFormDataContent { { new StringContent("front"), "side" }, { new StringContent("passport"), "type" }, { new ByteArrayContent(document), "file", "passport.jpg" } };
        (await client.PostAsync($"/v1/sessions/{id}/documents", front)).EnsureSuccessStatusCode();
        using var face = new MultipartFormDataContent { { new ByteArrayContent(selfie), "file", "selfie.jpg" } };
        (await client.PostAsync($"/v1/sessions/{id}/selfie", face)).EnsureSuccessStatusCode();
        (await client.PostAsync($"/v1/sessions/{id}/submit", null)).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<string> WaitForDecisionAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var status = JsonNode.Parse(await client.GetStringAsync($"/v1/sessions/{id}"))!["status"]!.GetValue<string>();
            if (status is "approved" or "rejected" or "manual_review" || DateTime.UtcNow > deadline)
                return status;
            await Task.Delay(200);
        }
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Webhooks.DisposeAsync();
    }
}
