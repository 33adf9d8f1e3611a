using System.Net;
using System.Net.Http.Json;
using Ekyc.Server.Tests.Infrastructure;

namespace Ekyc.Server.Tests.Sessions;

public class StateTransitionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    private static readonly object Review = new { decision = "approved", reason = "ok", reviewer = "bob" };

    [Fact]
    public async Task Every_illegal_move_is_a_409_naming_the_state_and_the_allowed_actions()
    {
        using var client = Server.Client();
        var id = (await Api.CreateSessionAsync(client)).Id();

        var early = await Api.AssertProblemAsync(await client.PostAsync($"/v1/sessions/{id}/submit", null), HttpStatusCode.Conflict, "invalid_state_transition");
        Assert.Equal("created", early["current_status"]!.GetValue<string>());
        Assert.Equal("submit", early["attempted_action"]!.GetValue<string>());
        Assert.Equal(["upload_document"], early["allowed_actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        await Api.AssertProblemAsync(await Api.UploadSelfieAsync(client, id, TestImages.Jpeg()), HttpStatusCode.Conflict, "invalid_state_transition");
        await Api.AssertProblemAsync(await client.PostAsJsonAsync($"/v1/sessions/{id}/review", Review), HttpStatusCode.Conflict, "invalid_state_transition");

        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());
        await Api.AssertProblemAsync(await client.PostAsync($"/v1/sessions/{id}/submit", null), HttpStatusCode.Conflict, "invalid_state_transition");
        await Api.AssertProblemAsync(await client.PostAsJsonAsync($"/v1/sessions/{id}/review", Review), HttpStatusCode.Conflict, "invalid_state_transition");

        await Api.UploadSelfieAsync(client, id, TestImages.Jpeg());
        await Api.AssertProblemAsync(await client.PostAsJsonAsync($"/v1/sessions/{id}/review", Review), HttpStatusCode.Conflict, "invalid_state_transition");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/v1/sessions/{id}/submit", null)).StatusCode);

        // After submit: no more uploads, no second submit.
        await Api.AssertProblemAsync(await Api.UploadDocumentAsync(client, id, TestImages.Jpeg()), HttpStatusCode.Conflict, "invalid_state_transition");
        await Api.AssertProblemAsync(await Api.UploadSelfieAsync(client, id, TestImages.Jpeg()), HttpStatusCode.Conflict, "invalid_state_transition");
        await Api.AssertProblemAsync(await client.PostAsync($"/v1/sessions/{id}/submit", null), HttpStatusCode.Conflict, "invalid_state_transition");

        var decided = await Api.WaitForDecisionAsync(client, id);
        await Api.AssertProblemAsync(await Api.UploadDocumentAsync(client, id, TestImages.Jpeg()), HttpStatusCode.Conflict, "invalid_state_transition");
        await Api.AssertProblemAsync(await client.PostAsync($"/v1/sessions/{id}/submit", null), HttpStatusCode.Conflict, "invalid_state_transition");
        if (decided.Status() != "manual_review")
            await Api.AssertProblemAsync(await client.PostAsJsonAsync($"/v1/sessions/{id}/review", Review), HttpStatusCode.Conflict, "invalid_state_transition");
    }

    [Fact]
    public async Task Submit_without_a_front_side_is_refused_and_changes_nothing()
    {
        using var client = Server.Client();
        var id = (await Api.CreateSessionAsync(client)).Id();
        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg(), side: "back");
        await Api.UploadSelfieAsync(client, id, TestImages.Jpeg());
        await Api.AssertProblemAsync(await client.PostAsync($"/v1/sessions/{id}/submit", null), HttpStatusCode.UnprocessableEntity, "document_front_missing");
        Assert.Equal("selfie_uploaded", (await Api.GetSessionAsync(client, id)).Status());
    }

    [Fact]
    public async Task Double_submit_processes_once()
    {
        using var client = Server.Client();
        var id = (await Api.ReadyToSubmitAsync(client)).Id();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.PostAsync($"/v1/sessions/{id}/submit", null)));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Accepted), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await Api.WaitForDecisionAsync(client, id);
        Assert.Equal(1, await Db.CountAsync(Server, "SELECT COUNT(*) FROM jobs WHERE session_id = @id", id));
        Assert.Equal(1, await Db.CountAsync(Server, "SELECT COUNT(*) FROM engine_runs WHERE session_id = @id", id));
        Assert.Equal(1, await Db.CountAsync(Server, "SELECT COUNT(*) FROM events WHERE session_id = @id AND type = 'verification.completed'", id));
    }
}
