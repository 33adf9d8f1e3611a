using System.Net;
using Ekyc.Server.Cli;
using Ekyc.Server.Tests.Infrastructure;

namespace Ekyc.Server.Tests.Security;

/// <summary>What a credential can see and how it is limited and revoked.</summary>
public class CredentialTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    [Fact]
    public async Task A_client_token_sees_status_actions_and_its_uploads_but_not_the_tenants_fields()
    {
        using var tenant = Server.Client();
        var session = await Api.CreateSessionAsync(tenant, new
        {
            reference = "crm-7731", webhook_url = "https://93.184.216.34/hook", metadata = new Dictionary<string, string> { ["segment"] = "vip" },
        });
        using var customer = Server.Client(session["client_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadDocumentAsync(customer, session.Id(), TestImages.Jpeg())).StatusCode);
        var seen = await Api.GetSessionAsync(customer, session.Id());
        Assert.Equal("documents_uploaded", seen.Status());
        Assert.NotEmpty(seen["allowed_actions"]!.AsArray());
        Assert.Single(seen["documents"]!.AsArray());
        foreach (var field in new[] { "reference", "metadata", "webhook_url", "decision", "extracted_data", "client_token" })
            Assert.False(seen.ContainsKey(field), field);
        Assert.Contains("crm-7731", await tenant.GetStringAsync($"/v1/sessions/{session.Id()}"));
    }

    [Fact]
    public async Task Spellings_of_the_bearer_scheme_share_one_rate_limit_bucket()
    {
        await using var server = await TestServer.StartAsync(null, "Ekyc:RateLimit:PermitLimit=3");
        using var client = new HttpClient { BaseAddress = server.Address };
        var statuses = new List<HttpStatusCode>();
        foreach (var header in new[] { "Bearer ", "bearer ", "BEARER ", "Bearer  " })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/v1/sessions");
            request.Headers.TryAddWithoutValidation("Authorization", header + server.ApiKey);
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_and_keys_commands_exit_zero()
    {
        var (_, key) = await Server.Services.CreateKeyForInitialTenantAsync();
        using var client = Server.Client(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/sessions")).StatusCode);
        var keyId = await Db.ScalarAsync<string>(Server, "SELECT id FROM api_keys WHERE prefix = @prefix", new { prefix = key[..12] });

        var settings = new[] { $"Ekyc:DataPath={Server.DataPath}" }.Concat(await TestDatabase.SettingsForAsync(Server.DataPath)).Select(s => "--" + s).ToArray();
        Assert.Equal(0, await CliRoot.Build().Parse(["keys", "list", .. settings]).InvokeAsync());
        Assert.Equal(0, await CliRoot.Build().Parse(["keys", "revoke", keyId, .. settings]).InvokeAsync());
        await Api.AssertProblemAsync(await client.GetAsync("/v1/sessions"), HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(1, await CliRoot.Build().Parse(["keys", "revoke", keyId, .. settings]).InvokeAsync());
        Assert.Equal(0, await CliRoot.Build().Parse(["keys", "create", "--tenant", "cli-tenant", .. settings]).InvokeAsync());
    }

    [Fact]
    public void The_database_file_and_blob_folder_are_private_to_the_owner()
    {
        if (OperatingSystem.IsWindows())
            return;
        if (Server.DatabaseFile is { } file)
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var blobs = Path.Combine(Server.DataPath, "blobs");
        if (Directory.Exists(blobs))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(blobs));
    }
}
