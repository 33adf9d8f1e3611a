using System.Net;
using Ekyc.Server.Data;
using Ekyc.Server.Jobs;
using Ekyc.Server.Tests.Infrastructure;
using Ekyc.Verification.Models;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Server.Tests.Jobs;

public class DurabilityTests
{
    [Fact]
    public async Task State_survives_a_restart_on_the_same_folder()
    {
        var server = await TestServer.StartAsync();
        string id, key = server.ApiKey, etag;
        using (var client = server.Client())
        {
            var created = await Api.CreateSessionAsync(client, new { reference = "persist", metadata = new Dictionary<string, string> { ["k"] = "v" } });
            id = created.Id();
            await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());
            etag = (await client.GetAsync($"/v1/sessions/{id}")).Headers.ETag!.Tag;
        }
        await server.DisposeAsync();

        await using var restarted = await TestServer.StartAsync(server.DataPath);
        Assert.Equal(key, restarted.ApiKey);
        using var again = restarted.Client();
        var response = await again.GetAsync($"/v1/sessions/{id}");
        Assert.Equal(etag, response.Headers.ETag!.Tag);
        var session = await Api.BodyAsync(response);
        Assert.Equal("documents_uploaded", session.Status());
        Assert.Equal("v", session["metadata"]!["k"]!.GetValue<string>());
        Assert.Single(session["documents"]!.AsArray());
        await Api.UploadSelfieAsync(again, id, TestImages.Jpeg());
        Assert.Equal(HttpStatusCode.Accepted, (await again.PostAsync($"/v1/sessions/{id}/submit", null)).StatusCode);
        await Api.WaitForDecisionAsync(again, id);
    }

    [Fact]
    public async Task A_submitted_session_of_a_stopped_worker_is_processed_after_restart()
    {
        // An API-only process accepts the submit; nothing processes it until a worker starts.
        var api = await TestServer.StartAsync(null, "Ekyc:Roles=api");
        string id;
        using (var client = api.Client())
        {
            id = (await Api.ReadyToSubmitAsync(client)).Id();
            await client.PostAsync($"/v1/sessions/{id}/submit", null);
            await Task.Delay(500);
            Assert.Equal("submitted", (await Api.GetSessionAsync(client, id)).Status());
        }
        await api.DisposeAsync();

        await using var both = await TestServer.StartAsync(api.DataPath);
        using var again = both.Client();
        await Api.WaitForDecisionAsync(again, id);
        Assert.Equal(1, await Db.CountAsync(both, "SELECT COUNT(*) FROM engine_runs WHERE session_id = @id AND committed = 1", id));
    }

    [Fact]
    public async Task A_job_whose_lease_expired_is_taken_again_and_processed_once()
    {
        var api = await TestServer.StartAsync(null, "Ekyc:Roles=api");
        string id;
        using (var client = api.Client())
        {
            id = (await Api.ReadyToSubmitAsync(client)).Id();
            await client.PostAsync($"/v1/sessions/{id}/submit", null);
        }
        // A worker claimed the job, moved the session to processing, then died: its lease ran out.
        var jobs = api.Services.GetRequiredService<JobStore>();
        var claimed = api.Services.GetRequiredService<Database>();
        var dead = await claimed.InTransactionAsync((c, t) => jobs.ClaimAsync(c, t, "dead-worker", TimeSpan.FromMilliseconds(1)));
        Assert.NotNull(dead);
        await Db.ExecuteAsync(api, "UPDATE sessions SET status = 'processing' WHERE id = @id", new { id });
        await using (var connection = await claimed.OpenAsync())
            await jobs.RecordEngineRunAsync(connection, dead);
        await Task.Delay(50);
        await api.DisposeAsync();

        await using var worker = await TestServer.StartAsync(api.DataPath);
        using var again = worker.Client();
        var decided = await Api.WaitForDecisionAsync(again, id);

        // The dead worker comes back and tries to commit: the fence refuses it.
        var database = worker.Services.GetRequiredService<Database>();
        var late = await database.InTransactionAsync((c, t) => worker.Services.GetRequiredService<JobStore>().CompleteAsync(c, t, dead, "done"));
        Assert.False(late);
        Assert.Equal(decided.Status(), (await Api.GetSessionAsync(again, id)).Status());
        Assert.Equal(1, await Db.CountAsync(worker, "SELECT COUNT(*) FROM engine_runs WHERE session_id = @id AND committed = 1", id));
        Assert.Equal(2, await Db.CountAsync(worker, "SELECT attempts FROM jobs WHERE session_id = @id", id));
        Assert.Equal(1, await Db.CountAsync(worker, "SELECT COUNT(*) FROM events WHERE session_id = @id AND type = 'verification.completed'", id));
    }
}

public class StartupTests
{
    [Fact]
    public async Task A_missing_model_stops_the_server_at_start_naming_the_fix()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-models-" + Guid.NewGuid().ToString("N"));
        var error = await Assert.ThrowsAsync<Ekyc.Verification.Models.ModelUnavailableException>(() => TestServer.StartAsync(null, $"Ekyc:ModelsPath={missing}"));
        Assert.Contains(ModelStore.FetchCommand, error.Message);
    }

    [Fact]
    public async Task An_invalid_configuration_stops_the_server_at_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestServer.StartAsync(null, "Ekyc:Uploads:MaxBytes=5", "Ekyc:Roles=chef"));
        Assert.Contains("MaxBytes", error.Message);
        Assert.Contains("Roles", error.Message);
    }
}
