using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ekyc.Server.Data;
using Ekyc.Server.Tests.Infrastructure;

namespace Ekyc.Server.Tests.Liveness;

/// <summary><c>POST /v1/sessions/{id}/liveness-challenge</c> and selfie uploads bound to it, over real HTTP.</summary>
public class LivenessChallengeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly string[] Moves = ["turn_left", "turn_right", "blink"];
    private TestServer Server => fixture.Server;

    /// <summary>A session with its document front, and a client for its client token.</summary>
    private async Task<(string Id, HttpClient App)> SessionAwaitingSelfieAsync()
    {
        using var client = Server.Client();
        var session = await Api.CreateSessionAsync(client);
        var app = Server.Client(session["client_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadDocumentAsync(app, session.Id(), TestImages.Jpeg())).StatusCode);
        return (session.Id(), app);
    }

    private static async Task<JsonObject> ChallengeAsync(HttpClient client, string id)
    {
        var response = await client.PostAsync($"/v1/sessions/{id}/liveness-challenge", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Api.BodyAsync(response);
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string id, string challengeId, params byte[][] frames)
    {
        var form = new MultipartFormDataContent { { new StringContent(challengeId), "challenge_id" } };
        foreach (var frame in frames)
            form.Add(new ByteArrayContent(frame), "file", "frame.jpg");
        return client.PostAsync($"/v1/sessions/{id}/selfie", form);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Api.BodyAsync(response);
        Assert.Equal(code, problem["code"]!.GetValue<string>());
        Assert.Equal($"urn:ekyc:problem:{code}", problem["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_token_gets_a_random_expiring_sequence_of_moves_with_at_least_one_turn()
    {
        var (id, app) = await SessionAwaitingSelfieAsync();
        using (app)
        {
            var before = DateTimeOffset.UtcNow;
            var challenge = await ChallengeAsync(app, id);
            Assert.StartsWith("lch_", challenge["id"]!.GetValue<string>());
            Assert.Equal(["id", "moves", "nonce", "expires_at"], challenge.Select(p => p.Key).ToArray());
            var moves = challenge["moves"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
            Assert.Equal(3, moves.Count);
            Assert.All(moves, m => Assert.Contains(m, Moves));
            Assert.Contains(moves, m => m.StartsWith("turn_", StringComparison.Ordinal));
            Assert.All(moves.Zip(moves.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
            Assert.True(challenge["nonce"]!.GetValue<string>().Length >= 20);
            var expires = DateTimeOffset.Parse(challenge["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(expires, before.AddSeconds(100), DateTimeOffset.UtcNow.AddSeconds(121));
            Assert.NotEqual(challenge["id"]!.GetValue<string>(), (await ChallengeAsync(app, id))["id"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_secret_key_may_ask_too_but_not_before_the_session_accepts_a_selfie()
    {
        using var client = Server.Client();
        var fresh = await Api.CreateSessionAsync(client);
        await AssertProblemAsync(await client.PostAsync($"/v1/sessions/{fresh.Id()}/liveness-challenge", null), HttpStatusCode.Conflict, "invalid_state_transition");
        var (id, app) = await SessionAwaitingSelfieAsync();
        app.Dispose();
        await ChallengeAsync(client, id);
        await AssertProblemAsync(await client.PostAsync("/v1/sessions/sess_unknown/liveness-challenge", null), HttpStatusCode.NotFound, "session_not_found");
    }

    [Fact]
    public async Task Frames_uploaded_with_the_challenge_use_it_once()
    {
        var (id, app) = await SessionAwaitingSelfieAsync();
        using (app)
        {
            var challenge = (await ChallengeAsync(app, id))["id"]!.GetValue<string>();
            var upload = await UploadAsync(app, id, challenge, TestImages.Jpeg(seed: 4), TestImages.Jpeg(seed: 5), TestImages.Jpeg(seed: 6));
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
            Assert.Equal(3, (await Api.BodyAsync(upload))["frames"]!.AsArray().Count);
            await AssertProblemAsync(await UploadAsync(app, id, challenge, TestImages.Jpeg(seed: 7)), HttpStatusCode.Conflict, "liveness_challenge_used");
            Assert.Equal(1, await Db.CountAsync(Server, "SELECT COUNT(*) FROM liveness_challenges WHERE id = @id AND used_at IS NOT NULL AND selfie_image_id IS NOT NULL", challenge));
        }
    }

    [Fact]
    public async Task A_raw_upload_names_the_challenge_in_the_query()
    {
        var (id, app) = await SessionAwaitingSelfieAsync();
        using (app)
        {
            var challenge = (await ChallengeAsync(app, id))["id"]!.GetValue<string>();
            var content = new ByteArrayContent(TestImages.Jpeg(seed: 8));
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            Assert.Equal(HttpStatusCode.Created, (await app.PostAsync($"/v1/sessions/{id}/selfie?challenge_id={challenge}", content)).StatusCode);
            Assert.Equal(1, await Db.CountAsync(Server, "SELECT COUNT(*) FROM liveness_challenges WHERE id = @id AND used_at IS NOT NULL", challenge));
        }
    }

    [Fact]
    public async Task An_expired_an_unknown_or_another_sessions_challenge_is_refused_and_nothing_is_stored()
    {
        var (id, app) = await SessionAwaitingSelfieAsync();
        var (other, otherApp) = await SessionAwaitingSelfieAsync();
        using (app)
        using (otherApp)
        {
            var expired = (await ChallengeAsync(app, id))["id"]!.GetValue<string>();
            await Db.ExecuteAsync(Server, "UPDATE liveness_challenges SET expires_at = @past WHERE id = @id",
                new { id = expired, past = Clock.Format(DateTimeOffset.UtcNow.AddSeconds(-1)) });
            await AssertProblemAsync(await UploadAsync(app, id, expired, TestImages.Jpeg(seed: 4)), HttpStatusCode.Gone, "liveness_challenge_expired");
            await AssertProblemAsync(await UploadAsync(app, id, "lch_doesnotexist", TestImages.Jpeg(seed: 4)), HttpStatusCode.NotFound, "liveness_challenge_not_found");

            var foreign = (await ChallengeAsync(otherApp, other))["id"]!.GetValue<string>();
            await AssertProblemAsync(await UploadAsync(app, id, foreign, TestImages.Jpeg(seed: 4)), HttpStatusCode.NotFound, "liveness_challenge_not_found");
            Assert.Equal("documents_uploaded", (await Api.GetSessionAsync(app, id)).Status());
            Assert.Equal(0, await Db.CountAsync(Server, "SELECT COUNT(*) FROM images WHERE session_id = @id AND kind = 'selfie'", id));
            // The other session's challenge is still usable by its own session.
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(otherApp, other, foreign, TestImages.Jpeg(seed: 4))).StatusCode);
        }
    }

    [Fact]
    public async Task The_report_records_the_challenge_the_frames_were_judged_against()
    {
        using var client = Server.Client();
        var id = (await Api.CreateSessionAsync(client, new { checks = new[] { "face_liveness", "face_match" } })).Id();
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadDocumentAsync(client, id, Photos.Read("cage.jpg"))).StatusCode);
        var challenge = await ChallengeAsync(client, id);
        // The same frame three times shows no move at all: the challenge is not completed, whatever it asked.
        var frame = Photos.Read("franck_02045.jpg");
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(client, id, challenge["id"]!.GetValue<string>(), frame, frame, frame)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/v1/sessions/{id}/submit", null)).StatusCode);
        await Api.WaitForDecisionAsync(client, id, TimeSpan.FromMinutes(2));

        var report = await Api.BodyAsync(await client.GetAsync($"/v1/sessions/{id}/report"));
        var liveness = report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "face_liveness")!;
        Assert.Equal("review", liveness["status"]!.GetValue<string>());
        Assert.Contains("challenge_not_completed", liveness["reason_codes"]!.AsArray().Select(r => r!.GetValue<string>()));
        var evidence = liveness["evidence"]!["challenge"]!;
        Assert.Equal(challenge["id"]!.GetValue<string>(), evidence["id"]!.GetValue<string>());
        Assert.Equal(challenge["moves"]!.AsArray().Select(m => m!.GetValue<string>()), evidence["moves_expected"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal(3, evidence["frames"]!.AsArray().Count);
        Assert.True(evidence["identity_min_similarity"]!.GetValue<double>() > 0.9);
    }
}
