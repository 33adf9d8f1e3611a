using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ekyc.Server.Review.Queue;
using Ekyc.Server.Tests.Infrastructure;
using Ekyc.Server.Tests.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Ekyc.Server.Tests.Sandbox;

/// <summary>
/// Test keys over real HTTP: scripted decisions, check statuses and reasons through the real worker, decision policy and
/// report; webhook failures through the real dispatcher to a real receiver; test and live data kept apart; the
/// <c>sandbox</c> block validated strictly.
/// </summary>
public class SandboxTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private TestServer Server => fixture.Server;

    [Theory]
    [InlineData("approved", "all_checks_passed", "document_authenticity", "pass", "document_checks_passed")]
    [InlineData("rejected", "check_failed", "document_authenticity", "fail", "document_expired")]
    [InlineData("manual_review", "check_needs_review", "document_authenticity", "review", "mrz_read_uncertain")]
    public async Task A_test_key_produces_each_decision_from_the_sandbox_block(string decision, string rule, string check, string status, string reason)
    {
        using var client = Server.Client(fixture.TestKey);
        var session = await DecideAsync(client, new { reference = "sandbox-" + decision, sandbox = new { decision } });

        Assert.Equal(decision, session.Status());
        Assert.False(session["livemode"]!.GetValue<bool>());
        Assert.Equal(rule, session["decision"]!["rule"]!.GetValue<string>());
        Assert.Equal(status, session["checks"]![check]!.GetValue<string>());
        var report = await ReportAsync(client, session.Id());
        Assert.False(report["livemode"]!.GetValue<bool>());
        var scripted = Check(report, check);
        Assert.Equal([reason], scripted["reason_codes"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("sandbox", scripted["version"]!.GetValue<string>());
        Assert.Equal("TESTA SANDBOX", report["extracted_data"]!["full_name"]!.GetValue<string>());
        Assert.Contains(report["stages"]!.AsArray(), s => s!["stage"]!.GetValue<string>() == "sandbox");
    }

    [Theory]
    [InlineData("face_match", "fail", "faces_do_not_match,selfie_face_blurry", "rejected", "check_failed")]
    [InlineData("face_liveness", "fail", "spoof_suspected", "rejected", "check_failed")]
    [InlineData("sanctions_screening", "hit", "match,dob_match", "rejected", "sanctions_hit")]
    [InlineData("pep_screening", "hit", "match,pep_former", "manual_review", "pep_hit")]
    [InlineData("pep_screening", "review", "possible_match", "manual_review", "check_needs_review")]
    [InlineData("face_match", "not_run", "stage_timeout", "manual_review", "missing_evidence")]
    [InlineData("sanctions_screening", "clear", "no_match", "approved", "all_checks_passed")]
    public async Task A_scripted_check_keeps_its_status_and_reasons_and_the_real_policy_decides(string check, string status, string reasons,
        string decision, string rule)
    {
        using var client = Server.Client(fixture.TestKey);
        var codes = reasons.Split(',');
        var session = await DecideAsync(client, new { sandbox = new { checks = new Dictionary<string, object> { [check] = new { status, reasons = codes } } } });

        Assert.Equal(decision, session.Status());
        Assert.Equal(rule, session["decision"]!["rule"]!.GetValue<string>());
        Assert.Equal(status, session["checks"]![check]!.GetValue<string>());
        var report = Check(await ReportAsync(client, session.Id()), check);
        Assert.Equal(status, report["status"]!.GetValue<string>());
        Assert.Equal(codes, report["reason_codes"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_check_the_session_did_not_request_is_not_run_and_a_low_confidence_goes_to_review()
    {
        using var client = Server.Client(fixture.TestKey);
        var session = await DecideAsync(client, new
        {
            checks = new[] { "document_authenticity", "face_match" },
            sandbox = new { checks = new { face_match = new { status = "pass", confidence = 0.6 } } },
        });

        Assert.Equal("manual_review", session.Status());
        Assert.Equal("low_confidence", session["decision"]!["rule"]!.GetValue<string>());
        Assert.Equal("not_run", session["checks"]!["sanctions_screening"]!.GetValue<string>());
        Assert.Equal(["not_requested"], Check(await ReportAsync(client, session.Id()), "pep_screening")["reason_codes"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task A_test_endpoint_receives_n_failed_attempts_then_success_on_the_sandbox_schedule_and_live_endpoints_get_nothing()
    {
        using var test = Server.Client(fixture.TestKey);
        using var live = Server.Client();
        var testPath = fixture.Receiver.Path("sandbox-test");
        var livePath = fixture.Receiver.Path("sandbox-live");
        var endpoint = await WebhookApi.CreateEndpointAsync(test, fixture.Receiver.Url(testPath), ["verification.completed"]);
        Assert.False(endpoint["livemode"]!.GetValue<bool>());
        await WebhookApi.CreateEndpointAsync(live, fixture.Receiver.Url(livePath));

        var session = await DecideAsync(test, new { sandbox = new { decision = "rejected", webhook_failures = 2 } });
        var delivered = await fixture.Receiver.WaitForAsync(testPath, r => !r.Headers.ContainsKey("ekyc-sandbox-simulated-failure"), TimeSpan.FromSeconds(30));

        var received = fixture.Receiver.ReceivedOn(testPath);
        Assert.Equal(3, received.Count);
        Assert.Equal(["1/2", "2/2"], received.Take(2).Select(r => r.Headers["ekyc-sandbox-simulated-failure"].ToString()));
        Assert.All(received, r => Assert.Equal(delivered.Id, r.Id));
        Assert.All(received, r => Assert.True(r.IsSignedWith(endpoint.Str("secret"))));
        // The documented schedule: 1 s, then 2 s, without jitter.
        Assert.InRange((received[1].At - received[0].At).TotalSeconds, 0.9, 5);
        Assert.InRange((received[2].At - received[1].At).TotalSeconds, 1.9, 6);
        var payload = JsonNode.Parse(delivered.Body)!;
        Assert.Equal("verification.completed", payload["event"]!.GetValue<string>());
        Assert.Equal(session.Id(), payload["session_id"]!.GetValue<string>());
        Assert.Equal("rejected", payload["status"]!.GetValue<string>());
        Assert.Equal("fail", payload["checks"]!["document_authenticity"]!.GetValue<string>());
        Assert.False(payload["livemode"]!.GetValue<bool>());

        var log = await WebhookApi.WaitForDeliveryAsync(test, $"session_id={session.Id()}&endpoint_id={endpoint.Str("id")}", d => d.Str("status") == "succeeded");
        var attempts = log["attempts"]!.AsArray();
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts.Take(2), a => Assert.StartsWith("sandbox_simulated_failure", a!["error"]!.GetValue<string>()));
        Assert.Null(attempts[2]!["error"]?.GetValue<string>());
        Assert.Empty(await WebhookApi.DeliveriesAsync(live, $"session_id={session.Id()}"));
        Assert.DoesNotContain(fixture.Receiver.ReceivedOn(livePath), r => r.Body.Contains(session.Id()));
    }

    [Fact]
    public async Task A_410_to_a_test_session_stops_test_events_to_that_url_but_not_live_ones()
    {
        using var test = Server.Client(fixture.TestKey);
        using var live = Server.Client();
        // One receiver URL for both modes that turns test events away for good.
        var path = fixture.Receiver.Path("gone-in-test", (r, _) => r.Json["livemode"]!.GetValue<bool>() ? new ReceiverAnswer(200) : new ReceiverAnswer(410));
        var url = fixture.Receiver.Url(path);

        var testSession = (await Api.CreateSessionAsync(test, new { webhook_url = url })).Id();
        await Api.UploadDocumentAsync(test, testSession, TestImages.Jpeg());
        Assert.Equal(410, (await WebhookApi.WaitForDeliveryAsync(test, $"session_id={testSession}", d => d.Str("status") == "failed"))["last_status_code"]!.GetValue<int>());

        var liveSession = (await Api.CreateSessionAsync(live, new { webhook_url = url })).Id();
        await Api.UploadDocumentAsync(live, liveSession, TestImages.Jpeg());
        var delivered = await fixture.Receiver.WaitForAsync(path, r => r.SessionId == liveSession);
        Assert.True(delivered.Json["livemode"]!.GetValue<bool>());

        var anotherTest = (await Api.CreateSessionAsync(test, new { webhook_url = url })).Id();
        await Api.UploadDocumentAsync(test, anotherTest, TestImages.Jpeg());
        await Task.Delay(400);
        Assert.Empty(await WebhookApi.DeliveriesAsync(test, $"session_id={anotherTest}"));
    }

    [Fact]
    public async Task Test_and_live_data_never_mix_in_reads_lists_webhooks_or_the_review_queue()
    {
        using var test = Server.Client(fixture.TestKey);
        using var live = Server.Client();
        var testSession = await DecideAsync(test, new { sandbox = new { decision = "manual_review" } });
        var liveSession = await Api.ReadyToSubmitAsync(live);
        await live.PostAsync($"/v1/sessions/{liveSession.Id()}/submit", null);
        Assert.Equal("manual_review", (await Api.WaitForDecisionAsync(live, liveSession.Id())).Status());
        Assert.True((await Api.GetSessionAsync(live, liveSession.Id()))["livemode"]!.GetValue<bool>());

        foreach (var (client, foreign) in new[] { (test, liveSession.Id()), (live, testSession.Id()) })
        {
            await Api.AssertProblemAsync(await client.GetAsync($"/v1/sessions/{foreign}"), HttpStatusCode.NotFound, "session_not_found");
            await Api.AssertProblemAsync(await client.GetAsync($"/v1/sessions/{foreign}/report"), HttpStatusCode.NotFound, "session_not_found");
            await Api.AssertProblemAsync(await client.PostAsJsonAsync($"/v1/sessions/{foreign}/review",
                new { decision = "approved", reason = "looks fine", reviewer = "a@example.com" }), HttpStatusCode.NotFound, "session_not_found");
            await Api.AssertProblemAsync(await client.DeleteAsync($"/v1/sessions/{foreign}"), HttpStatusCode.NotFound, "session_not_found");
            Assert.Empty(await WebhookApi.DeliveriesAsync(client, $"session_id={foreign}"));
        }
        var testList = await ListAsync(test);
        var liveList = await ListAsync(live);
        Assert.Contains(testSession.Id(), testList);
        Assert.DoesNotContain(liveSession.Id(), testList);
        Assert.Contains(liveSession.Id(), liveList);
        Assert.DoesNotContain(testSession.Id(), liveList);

        var testEndpoint = await WebhookApi.CreateEndpointAsync(test, fixture.Receiver.Url(fixture.Receiver.Path("isolation")));
        await Api.AssertProblemAsync(await live.GetAsync($"/v1/webhook-endpoints/{testEndpoint.Str("id")}"), HttpStatusCode.NotFound, "webhook_endpoint_not_found");
        Assert.DoesNotContain((await Api.BodyAsync(await live.GetAsync("/v1/webhook-endpoints")))["data"]!.AsArray(), e => e!.Str("id") == testEndpoint.Str("id"));
        var testSecret = (await Api.BodyAsync(await test.GetAsync("/v1/webhook-secret"))).Str("secret");
        var liveSecret = (await Api.BodyAsync(await live.GetAsync("/v1/webhook-secret"))).Str("secret");
        Assert.NotEqual(testSecret, liveSecret);

        // The console's queue is the live queue: the test session in manual_review is not in it.
        var queue = await Server.Services.GetRequiredService<ReviewQueue>()
            .ListAsync(await TenantOfAsync(), new QueueFilter(null, null, null, null, null, null), default);
        Assert.Contains(queue.Items, i => i.SessionId == liveSession.Id());
        Assert.DoesNotContain(queue.Items, i => i.SessionId == testSession.Id());
    }

    [Fact]
    public async Task A_test_session_still_goes_through_the_real_image_intake_with_its_client_token()
    {
        using var test = Server.Client(fixture.TestKey);
        var session = await Api.CreateSessionAsync(test, new { sandbox = new { decision = "approved" } });
        using var customer = Server.Client(session["client_token"]!.GetValue<string>());
        await Api.AssertProblemAsync(await Api.UploadDocumentAsync(customer, session.Id(), "not an image at all"u8.ToArray()),
            HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await Api.AssertProblemAsync(await Api.UploadDocumentAsync(customer, session.Id(), TestImages.Jpeg(100, 80)),
            HttpStatusCode.UnprocessableEntity, "image_dimensions_out_of_range");
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadDocumentAsync(customer, session.Id(), TestImages.Png())).StatusCode);
        var client = await Api.BodyAsync(await customer.GetAsync($"/v1/sessions/{session.Id()}"));
        Assert.False(client["livemode"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_live_key_may_not_script_a_session()
    {
        using var live = Server.Client();
        var problem = await Api.AssertProblemAsync(await live.PostAsJsonAsync("/v1/sessions", new { sandbox = new { decision = "approved" } }),
            HttpStatusCode.BadRequest, "sandbox_requires_test_key");
        Assert.Contains("ek_test_", problem["detail"]!.GetValue<string>());
    }

    public static TheoryData<string, string> InvalidBlocks => new()
    {
        { """{"sandbox": {"decison": "approved"}}""", "sandbox.decison" },
        { """{"sandbox": {"decision": "maybe"}}""", "sandbox.decision" },
        { """{"sandbox": "approved"}""", "sandbox" },
        { """{"sandbox": {"checks": {"face_match": {"status": "clear"}}}}""", "sandbox.checks.face_match.status" },
        { """{"sandbox": {"checks": {"sanctions_screening": {"status": "fail"}}}}""", "sandbox.checks.sanctions_screening.status" },
        { """{"sandbox": {"checks": {"face_match": {"status": "fail", "reasons": ["document_expired"]}}}}""", "sandbox.checks.face_match.reasons" },
        { """{"sandbox": {"checks": {"face_match": {"reasons": ["faces_do_not_match"]}}}}""", "sandbox.checks.face_match.status" },
        { """{"sandbox": {"checks": {"face_match": {"status": "pass", "score": 1}}}}""", "sandbox.checks.face_match.score" },
        { """{"sandbox": {"checks": {"face_match": {"status": "pass", "confidence": 1.5}}}}""", "sandbox.checks.face_match.confidence" },
        { """{"sandbox": {"checks": {"face_match": {"status": "not_run", "confidence": 0.5}}}}""", "sandbox.checks.face_match.confidence" },
        { """{"sandbox": {"checks": {"selfie_check": {"status": "pass"}}}}""", "sandbox.checks.selfie_check" },
        { """{"checks": ["face_match"], "sandbox": {"checks": {"pep_screening": {"status": "hit"}}}}""", "sandbox.checks.pep_screening" },
        { """{"sandbox": {"decision": "approved", "checks": {"face_match": {"status": "fail"}}}}""", "sandbox.decision" },
        { """{"checks": ["pep_screening"], "sandbox": {"decision": "rejected"}}""", "sandbox.decision" },
        { """{"sandbox": {"webhook_failures": 6}}""", "sandbox.webhook_failures" },
        { """{"sandbox": {"webhook_failures": -1}}""", "sandbox.webhook_failures" },
    };

    [Theory]
    [MemberData(nameof(InvalidBlocks))]
    public async Task An_invalid_sandbox_block_is_a_validation_problem_naming_the_field(string body, string field)
    {
        using var test = Server.Client(fixture.TestKey);
        var response = await test.PostAsync("/v1/sessions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    private static async Task<JsonObject> DecideAsync(HttpClient client, object body)
    {
        var session = await Api.CreateSessionAsync(client, body);
        var id = session.Id();
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadDocumentAsync(client, id, TestImages.Jpeg())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadSelfieAsync(client, id, TestImages.Jpeg(seed: 9))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/v1/sessions/{id}/submit", null)).StatusCode);
        return await Api.WaitForDecisionAsync(client, id);
    }

    private static async Task<JsonObject> ReportAsync(HttpClient client, string id)
    {
        var response = await client.GetAsync($"/v1/sessions/{id}/report");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Api.BodyAsync(response);
    }

    private static JsonObject Check(JsonObject report, string name) =>
        report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!.AsObject();

    private static async Task<IReadOnlyList<string>> ListAsync(HttpClient client)
    {
        var body = await Api.BodyAsync(await client.GetAsync("/v1/sessions?limit=100"));
        return body["data"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();
    }

    private async Task<string> TenantOfAsync()
    {
        await using var connection = await Server.Database.OpenAsync();
        return (await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT id FROM tenants WHERE name = 'default'"))!;
    }
}
