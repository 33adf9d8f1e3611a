using System.Net;
using System.Net.Http.Json;
using Ekyc.Server.Data;
using Ekyc.Server.Options;
using Ekyc.Server.Jobs;
using Ekyc.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Server.Tests.ScaleOut;

/// <summary>
/// Several server processes on one database (each <see cref="TestServer"/> is a full server with its own
/// connection pool, workers and caches). With EKYC_TEST_POSTGRES this is the scale-out deployment; on SQLite
/// the same guarantees hold through its file lock.
/// </summary>
public class SharedDatabaseTests
{
    [Fact]
    public async Task Servers_starting_together_on_an_empty_database_migrate_once_and_create_one_tenant()
    {
        var folder = Directory.CreateTempSubdirectory("ekyc-test-").FullName;
        var servers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => TestServer.StartAsync(folder)));
        try
        {
            Assert.Equal(1, await Db.CountAsync(servers[0], "SELECT COUNT(*) FROM tenants", ""));
            Assert.Equal(1, await Db.CountAsync(servers[0], "SELECT COUNT(*) FROM api_keys", ""));
            Assert.Equal(Migrations.StepCount, await Db.CountAsync(servers[0], "SELECT COUNT(*) FROM schema_migrations", ""));
            // The one key works on every server: they share the tenant and the master key.
            foreach (var server in servers)
            {
                using var client = server.Client();
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/sessions")).StatusCode);
            }
        }
        finally
        {
            foreach (var server in servers)
                await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Concurrent_claims_never_hand_out_one_job_twice()
    {
        await using var api = await TestServer.StartAsync(null, "Ekyc:Roles=api");
        using var client = api.Client();
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var id = (await Api.ReadyToSubmitAsync(client)).Id();
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/v1/sessions/{id}/submit", null)).StatusCode);
            ids.Add(id);
        }

        // Many claimers race for the queue at once, as workers of several processes do.
        var jobs = api.Services.GetRequiredService<JobStore>();
        var database = api.Services.GetRequiredService<Database>();
        Task<ClaimedJob?> Claim(string worker) =>
            database.InTransactionAsync((connection, transaction) => jobs.ClaimAsync(connection, transaction, worker, TimeSpan.FromMinutes(5)));
        var claims = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() => Claim($"racer-{i}"))));
        var claimed = claims.Where(c => c is not null).Select(c => c!.SessionId).ToList();
        Assert.Equal(ids.Order(), claimed.Order());
        Assert.Null(await Claim("late"));
    }

    [Fact]
    public async Task Submissions_spread_over_several_servers_are_each_decided_exactly_once()
    {
        var first = await TestServer.StartAsync();
        await using var second = await TestServer.StartAsync(first.DataPath);
        await using var worker = await TestServer.StartAsync(first.DataPath, "Ekyc:Roles=worker");
        await using var _ = first;
        var servers = new[] { first, second };
        var ids = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            using var client = servers[i % 2].Client();
            var id = (await Api.ReadyToSubmitAsync(client)).Id();
            // A retry of the submit against the other server must not enqueue a second job.
            using var other = servers[(i + 1) % 2].Client();
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/v1/sessions/{id}/submit", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await other.PostAsync($"/v1/sessions/{id}/submit", null)).StatusCode);
            ids.Add(id);
        }
        using (var client = second.Client())
        {
            foreach (var id in ids)
                await Api.WaitForDecisionAsync(client, id);
        }
        foreach (var id in ids)
        {
            Assert.Equal(1, await Db.CountAsync(first, "SELECT COUNT(*) FROM jobs WHERE session_id = @id", id));
            Assert.Equal(1, await Db.CountAsync(first, "SELECT COUNT(*) FROM engine_runs WHERE session_id = @id", id));
            Assert.Equal(1, await Db.CountAsync(first, "SELECT COUNT(*) FROM engine_runs WHERE session_id = @id AND committed = 1", id));
            Assert.Equal(1, await Db.CountAsync(first, "SELECT COUNT(*) FROM events WHERE session_id = @id AND type = 'verification.completed'", id));
        }
        // The event sequence stays unique and gap-tolerant under concurrent writers.
        Assert.Equal(await Db.CountAsync(first, "SELECT COUNT(*) FROM events", ""), await Db.CountAsync(first, "SELECT COUNT(DISTINCT seq) FROM events", ""));
    }

    [Fact]
    public async Task A_worker_only_process_serves_no_api_but_processes_jobs()
    {
        await using var api = await TestServer.StartAsync(null, "Ekyc:Roles=api");
        string id;
        using (var client = api.Client())
        {
            id = (await Api.ReadyToSubmitAsync(client)).Id();
            await client.PostAsync($"/v1/sessions/{id}/submit", null);
        }
        await using var worker = await TestServer.StartAsync(api.DataPath, "Ekyc:Roles=worker");
        using (var client = worker.Client())
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/sessions/{id}")).StatusCode);
        using var apiClient = api.Client();
        await Api.WaitForDecisionAsync(apiClient, id);
        Assert.Equal(1, await Db.CountAsync(api, "SELECT COUNT(*) FROM engine_runs WHERE session_id = @id AND committed = 1", id));
    }

    [Fact]
    public async Task A_key_left_started_by_a_killed_process_is_taken_over_once_abandoned()
    {
        await using var server = await TestServer.StartAsync();
        using var client = server.Client();
        HttpRequestMessage Create()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/sessions") { Content = JsonContent.Create(new { reference = "crash" }) };
            request.Headers.Add("Idempotency-Key", "killed-midway");
            return request;
        }
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Create())).StatusCode);
        // The process that reserved the key died before storing the response: the marker stays "started".
        await Db.ExecuteAsync(server, "UPDATE idempotency_keys SET state = 'started', response_enc = NULL WHERE key = 'killed-midway'");
        await Api.AssertProblemAsync(await client.SendAsync(Create()), HttpStatusCode.Conflict, "idempotency_request_in_progress");

        await Db.ExecuteAsync(server, "UPDATE idempotency_keys SET created_at = @at WHERE key = 'killed-midway'",
            new { at = Clock.Format(DateTimeOffset.UtcNow - new EkycOptions().IdempotencyAbandonedAfter - TimeSpan.FromSeconds(1)) });
        var retried = await client.SendAsync(Create());
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        var replayed = await client.SendAsync(Create());
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((await Api.BodyAsync(retried)).Id(), (await Api.BodyAsync(replayed)).Id());
    }

    [PostgresFact]
    public async Task A_submit_on_one_replica_wakes_the_workers_of_another_at_once()
    {
        await using var api = await TestServer.StartAsync(null, "Ekyc:Roles=api");
        // This worker would not look at the queue again for a minute on its own.
        await using var worker = await TestServer.StartAsync(api.DataPath, "Ekyc:Roles=worker", "Ekyc:Worker:PollInterval=00:01:00");
        await Task.Delay(1000);
        using var client = api.Client();
        var id = (await Api.ReadyToSubmitAsync(client)).Id();
        await client.PostAsync($"/v1/sessions/{id}/submit", null);
        await Api.WaitForDecisionAsync(client, id, TimeSpan.FromSeconds(20));
    }

    [PostgresFact]
    public async Task Replicas_that_share_no_files_process_each_others_uploads()
    {
        await using var api = await TestServer.StartAsync(null, "Ekyc:Roles=api");
        using var client = api.Client();
        var id = (await Api.ReadyToSubmitAsync(client)).Id();
        Assert.False(Directory.Exists(Path.Combine(api.DataPath, "blobs")));
        Assert.Equal(2, (await api.StoredBlobsAsync()).Count);

        // The worker has a data folder of its own: the images reach it through the database only.
        await using var worker = await TestServer.StartAsync(TestDatabase.ShareDatabaseOf(api.DataPath), "Ekyc:Roles=worker");
        await client.PostAsync($"/v1/sessions/{id}/submit", null);
        await Api.WaitForDecisionAsync(client, id);
        Assert.Equal(1, await Db.CountAsync(api, "SELECT COUNT(*) FROM engine_runs WHERE session_id = @id AND committed = 1", id));
        Assert.Equal(0, await Db.CountAsync(api, "SELECT COUNT(*) FROM jobs WHERE session_id = @id AND last_error IS NOT NULL", id));
    }
}
