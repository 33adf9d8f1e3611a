using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ekyc.Core.Engines;
using Ekyc.Synthetic.Decisions;
using Ekyc.Synthetic.Liveness;

namespace Ekyc.Bench.Decisions;

/// <summary>One case through the public API as a business and its customer's app would drive it.</summary>
public static class DecisionClient
{
    public static async Task<DecisionOutcome> RunAsync(HttpClient client, DecisionCase c, IReadOnlyList<string> checks)
    {
        var label = c.Label;
        var created = await client.PostAsJsonAsync("/v1/sessions", new { reference = label.Id, document_types = new[] { label.DocumentType }, checks });
        created.EnsureSuccessStatusCode();
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await UploadDocumentAsync(client, id, "front", label.DocumentType, c.Front);
        if (c.Back is not null)
            await UploadDocumentAsync(client, id, "back", label.DocumentType, c.Back);
        var skipped = false;
        if (c.AnswerChallenge is { } answer)
            await AnswerChallengeAsync(client, id, answer);
        else if (c.LiveChallenge is { } live)
            skipped = !await AnswerLiveAsync(client, id, live);
        if (c.AnswerChallenge is null && (c.LiveChallenge is null || skipped))
            using (var selfie = new MultipartFormDataContent { { new ByteArrayContent(c.Selfie), "file", "selfie.jpg" } })
                (await client.PostAsync($"/v1/sessions/{id}/selfie", selfie)).EnsureSuccessStatusCode();

        var started = Stopwatch.GetTimestamp();
        (await client.PostAsync($"/v1/sessions/{id}/submit", null)).EnsureSuccessStatusCode();
        JsonNode session;
        do
        {
            await Task.Delay(10);
            session = JsonNode.Parse(await client.GetStringAsync($"/v1/sessions/{id}"))!;
        } while (session["status"]!.GetValue<string>() is "submitted" or "processing");
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var report = JsonNode.Parse(await client.GetStringAsync($"/v1/sessions/{id}/report"))!;
        var checksRun = report["checks"]!.AsArray().Where(check => check!["requested"]!.GetValue<bool>()).Select(check => check!).ToList();
        var findings = checksRun
            .Where(check => check["status"]!.GetValue<string>() is not ("pass" or "clear"))
            .Select(check => new CheckFinding(check["name"]!.GetValue<string>(), check["status"]!.GetValue<string>(),
                [.. check["reason_codes"]!.AsArray().Select(r => r!.GetValue<string>())], Signals(check)))
            .ToList();
        var scores = checksRun.Where(check => check["score"] is not null)
            .ToDictionary(check => check["name"]!.GetValue<string>(), check => check["score"]!.GetValue<double>());
        return new DecisionOutcome(label, report["status"]!.GetValue<string>(), report["decision"]?["rule"]?.GetValue<string>() ?? "", findings, scores, elapsed)
        {
            ChallengeSkipped = skipped,
        };
    }

    /// <summary>
    /// The signals of a check's evidence that did not pass (documents: <c>status</c>; faces: <c>passed</c>), with their values,
    /// and a liveness challenge's evidence when it was not passed (moves found, each frame's yaw, eyes and identity).
    /// </summary>
    private static List<string> Signals(JsonNode check) =>
    [
        .. check["evidence"]?["signals"] is JsonArray signals
            ? signals.Select(s => s!).Where(NotPassed).Select(s => $"{s["code"] ?? s["name"]}:{s["status"] ?? s["passed"]}({s["reason"]})={s["value"]?.ToJsonString()}")
            : [],
        .. check["evidence"]?["challenge"] is JsonObject challenge && challenge["passed"]?.GetValue<bool>() == false
            ? [$"challenge:fail({challenge["failure"]})={challenge.ToJsonString()}"]
            : Array.Empty<string>(),
    ];

    private static bool NotPassed(JsonNode signal) =>
        (signal["status"] is JsonValue status && status.GetValue<string>() != "pass") || (signal["passed"] is JsonValue passed && !passed.GetValue<bool>());

    /// <summary>An attack on the challenge, sent without the page: asks for a challenge, uploads the frames against it.</summary>
    private static async Task AnswerChallengeAsync(HttpClient client, string id, Func<IReadOnlyList<ChallengeMove>, IReadOnlyList<byte[]>> answer)
    {
        var challenge = await IssueAsync(client, id);
        var moves = challenge["moves"]!.AsArray().Select(m => ChallengeMoveNames.Parse(m!.GetValue<string>())).ToList();
        using var frames = new MultipartFormDataContent { { new StringContent(challenge["id"]!.GetValue<string>()), "challenge_id" } };
        foreach (var (frame, i) in answer(moves).Select((f, i) => (f, i)))
            frames.Add(new ByteArrayContent(frame), "file", $"frame{i}.jpg");
        (await client.PostAsync($"/v1/sessions/{id}/selfie", frames)).EnsureSuccessStatusCode();
    }

    /// <summary>Pose checks the bench lets a step take before its customer gives up (the page allows 150 a challenge).</summary>
    public const int AttemptsPerStep = 8;

    /// <summary>
    /// As the capture page does with its pose guidance (<c>selfie.js</c>): the frames of each step go to the server's pose
    /// check until one shows the step's pose, and only those are uploaded (<see cref="LiveAnswer.AnswerAsync"/>). A
    /// customer whose pose the check never sees takes the page's way out, a still selfie (false: the caller uploads it).
    /// </summary>
    private static async Task<bool> AnswerLiveAsync(HttpClient client, string id, Func<IReadOnlyList<ChallengeMove>, LiveAnswer> person)
    {
        var challenge = await IssueAsync(client, id);
        var challengeId = challenge["id"]!.GetValue<string>();
        using var live = person([.. challenge["moves"]!.AsArray().Select(m => ChallengeMoveNames.Parse(m!.GetValue<string>()))]);
        var kept = await live.AnswerAsync(async (step, referenceYaw, frame) =>
        {
            using var body = new ByteArrayContent(frame) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } };
            var response = await client.PostAsync($"/v1/sessions/{id}/liveness-challenge/{challengeId}/pose?step={step}" +
                $"&reference_yaw={referenceYaw.ToString(CultureInfo.InvariantCulture)}", body);
            response.EnsureSuccessStatusCode();
            var check = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return new PoseSeen(check["matched"]!.GetValue<bool>(), check["yaw"]?.GetValue<double>() ?? 0);
        }, AttemptsPerStep);
        if (kept is null)
            return false;
        using var frames = new MultipartFormDataContent { { new StringContent(challengeId), "challenge_id" } };
        foreach (var (frame, i) in kept.Select((f, i) => (f, i)))
            frames.Add(new ByteArrayContent(frame), "file", $"frame{i}.jpg");
        (await client.PostAsync($"/v1/sessions/{id}/selfie", frames)).EnsureSuccessStatusCode();
        return true;
    }

    private static async Task<JsonNode> IssueAsync(HttpClient client, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/sessions/{id}/liveness-challenge") { Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } } };
        var issued = await client.SendAsync(request);
        issued.EnsureSuccessStatusCode();
        return JsonNode.Parse(await issued.Content.ReadAsStringAsync())!;
    }

    private static async Task UploadDocumentAsync(HttpClient client, string id, string side, string type, byte[] image)
    {
        using var content = new MultipartFormDataContent { { new StringContent(side), "side" }, { new StringContent(type), "type" }, { new ByteArrayContent(image), "file", $"{side}.jpg" } };
        (await client.PostAsync($"/v1/sessions/{id}/documents", content)).EnsureSuccessStatusCode();
    }
}
