using Ekyc.Server.Review.Accounts;
using Ekyc.Server.Review.Audit;
using Ekyc.Server.Review.Queue;
using Ekyc.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Server.Tests.Review;

/// <summary>
/// The console's queue, claims, accounts and audit on the configured database (SQLite, and PostgreSQL in the second
/// run of test.sh): the SQL differs between the two (JSON functions), the browser tests run on SQLite only.
/// Without engines every session ends in manual_review with rule missing_evidence and all five checks named.
/// </summary>
public class ReviewQueueTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await TestServer.StartAsync(null, "Ekyc:Engines:Documents=false", "Ekyc:Engines:Faces=false", "Ekyc:Engines:Screening=false");

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_queue_lists_a_tenants_manual_review_sessions_oldest_first_with_filters_counts_and_claims()
    {
        using var client = _server.Client();
        var ids = new List<string>();
        foreach (var reference in new[] { "alpha-1", "alpha-2", "beta-1" })
        {
            var id = (await Api.CreateSessionAsync(client, new { reference })).Id();
            await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());
            await Api.UploadSelfieAsync(client, id, TestImages.Jpeg(seed: 9));
            await client.PostAsync($"/v1/sessions/{id}/submit", null);
            Assert.Equal("manual_review", (await Api.WaitForDecisionAsync(client, id)).Status());
            ids.Add(id);
        }
        var (otherTenant, otherKey) = await _server.Services.CreateOtherTenantAsync();
        using var other = _server.Client(otherKey);
        var foreign = (await Api.ReadyToSubmitAsync(other)).Id();
        await other.PostAsync($"/v1/sessions/{foreign}/submit", null);
        await Api.WaitForDecisionAsync(other, foreign);

        var accounts = _server.Services.GetRequiredService<ConsoleAccounts>();
        var tenant = await TenantOfAsync();
        var (alice, _) = await accounts.CreateAsync(tenant, "alice@example.com", ConsoleRole.Reviewer, CancellationToken.None);
        var (bob, _) = await accounts.CreateAsync(tenant, "Bob@Example.com", ConsoleRole.Reviewer, CancellationToken.None);
        var queue = _server.Services.GetRequiredService<ReviewQueue>();

        var all = await queue.ListAsync(tenant, new QueueFilter(null, null, null, null, null, null), CancellationToken.None);
        Assert.Equal(ids, all.Items.Select(i => i.SessionId));
        Assert.Equal(3, all.Total);
        Assert.Equal(3, all.ByRule["missing_evidence"]);
        Assert.Equal(3, all.ByCheck["pep_screening"]);
        Assert.All(all.Items, i => Assert.Equal("not_run", i.CheckStatuses["face_match"]));

        // References are sealed: the filter matches a whole reference by its keyed hash.
        Assert.Equal(ids[1..2], (await queue.ListAsync(tenant, new QueueFilter(null, null, "alpha-2", null, null, null), CancellationToken.None)).Items.Select(i => i.SessionId));
        Assert.Empty((await queue.ListAsync(tenant, new QueueFilter(null, null, "alpha", null, null, null), CancellationToken.None)).Items);
        Assert.Equal("alpha-1", all.Items[0].Reference);
        Assert.Equal(3, (await queue.ListAsync(tenant, new QueueFilter("face_match", "missing_evidence", null, null, null, null), CancellationToken.None)).Matching);
        Assert.Empty((await queue.ListAsync(tenant, new QueueFilter(null, "pep_hit", null, null, null, null), CancellationToken.None)).Items);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(3, (await queue.ListAsync(tenant, new QueueFilter(null, null, null, today, today, null), CancellationToken.None)).Matching);
        Assert.Equal(0, (await queue.ListAsync(tenant, new QueueFilter(null, null, null, today.AddDays(1), null, null), CancellationToken.None)).Matching);
        Assert.Equal([foreign], (await queue.ListAsync(otherTenant, new QueueFilter(null, null, null, null, null, null), CancellationToken.None)).Items.Select(i => i.SessionId));

        // Claims: the first reviewer to open a session holds it; the second sees it held; a decision needs the claim.
        var review = _server.Services.GetRequiredService<ConsoleReview>();
        var asAlice = new Reviewer(alice.Id, tenant, alice.Email, alice.Role, alice.SecurityStamp);
        var asBob = new Reviewer(bob.Id, tenant, bob.Email, bob.Role, bob.SecurityStamp);
        Assert.True((await review.OpenAsync(asAlice, ids[0], CancellationToken.None)).ClaimedByMe);
        var seenByBob = await review.OpenAsync(asBob, ids[0], CancellationToken.None);
        Assert.False(seenByBob.ClaimedByMe);
        Assert.Equal("alice@example.com", seenByBob.Claim!.Email);
        await Assert.ThrowsAsync<ClaimConflictException>(() => review.DecideAsync(asBob, ids[0], "rejected", "Images unusable", null, CancellationToken.None));
        Assert.Equal("alice@example.com", (await queue.ListAsync(tenant, new QueueFilter(null, null, null, null, null, null), CancellationToken.None)).Items[0].Claim!.Email);

        var decided = await review.DecideAsync(asAlice, ids[0], "approved", "Document checked and genuine", "seen the original", CancellationToken.None);
        Assert.Equal("approved", decided.Status);
        Assert.Equal("alice@example.com", decided.Decision!.Review!.Reviewer);
        Assert.Equal(ids[1..], (await queue.ListAsync(tenant, new QueueFilter(null, null, null, null, null, null), CancellationToken.None)).Items.Select(i => i.SessionId));

        var audit = await review.TrailAsync(asAlice, ids[0], CancellationToken.None);
        Assert.Contains(audit, a => a.Action == AuditAction.Decided && a.Email == "alice@example.com" && a.Detail == "approved: Document checked and genuine: seen the original");
        Assert.Contains(audit, a => a.Action == AuditAction.Claimed && a.Email == "alice@example.com");
        Assert.Equal(2, audit.Count(a => a.Action == AuditAction.SessionViewed));
    }

    [Fact]
    public async Task Passwords_are_hashed_and_failures_lock_the_account()
    {
        var accounts = _server.Services.GetRequiredService<ConsoleAccounts>();
        var (user, link) = await accounts.CreateAsync(await TenantOfAsync(), "carol@example.com", ConsoleRole.Admin, CancellationToken.None);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        await Assert.ThrowsAsync<ArgumentException>(() => accounts.SetPasswordAsync(token, "short", CancellationToken.None));
        Assert.NotNull(await accounts.SetPasswordAsync(token, "a long enough passphrase", CancellationToken.None));
        Assert.Null(await accounts.SetPasswordAsync(token, "a second passphrase here", CancellationToken.None));
        var stored = (await accounts.ListAsync(null, CancellationToken.None)).Single(u => u.Id == user.Id);
        Assert.StartsWith("AQAAAA", stored.PasswordHash);
        Assert.DoesNotContain("passphrase", stored.PasswordHash);

        Assert.Equal(SignInOutcome.Succeeded, (await accounts.SignInAsync("Carol@example.com", "a long enough passphrase", CancellationToken.None)).Outcome);
        for (var i = 0; i < 4; i++)
            Assert.Equal(SignInOutcome.Failed, (await accounts.SignInAsync("carol@example.com", "wrong", CancellationToken.None)).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await accounts.SignInAsync("carol@example.com", "wrong", CancellationToken.None)).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await accounts.SignInAsync("carol@example.com", "a long enough passphrase", CancellationToken.None)).Outcome);
        Assert.Equal(SignInOutcome.Failed, (await accounts.SignInAsync("nobody@example.com", "a long enough passphrase", CancellationToken.None)).Outcome);

        Assert.True(await accounts.DisableAsync("carol@example.com", CancellationToken.None));
        Assert.Null(await accounts.ValidateAsync(user.Id, stored.SecurityStamp, CancellationToken.None));
    }

    private async Task<string> TenantOfAsync()
    {
        await using var connection = await _server.Database.OpenAsync();
        return await Dapper.SqlMapper.QueryFirstAsync<string>(connection, "SELECT tenant_id FROM api_keys ORDER BY created_at");
    }
}
