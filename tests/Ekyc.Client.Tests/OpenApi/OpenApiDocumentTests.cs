using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ekyc.Client.Tests.Infrastructure;
using Ekyc.Server.Events;
using Ekyc.Server.OpenApi;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Ekyc.Client.Tests.OpenApi;

/// <summary>The live <c>/openapi/v1.json</c> as a client generator reads it.</summary>
public partial class OpenApiDocumentTests(EkycServer server) : IClassFixture<EkycServer>
{
    private async Task<string> DocumentJsonAsync()
    {
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        return await anonymous.GetStringAsync("/openapi/v1.json");
    }

    private async Task<JsonObject> DocumentAsync() => JsonNode.Parse(await DocumentJsonAsync())!.AsObject();

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Select(op => (path.Key, op.Key, op.Value!.AsObject())));

    [Fact]
    public async Task The_document_is_openapi_3_1_and_the_reference_reader_finds_no_error()
    {
        var json = await DocumentJsonAsync();
        var (document, diagnostic) = OpenApiDocument.Parse(json, "json");

        Assert.NotNull(document);
        Assert.NotNull(diagnostic);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        Assert.Empty(diagnostic.Errors);
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);
        Assert.True(document.Paths!.Count >= 20);
        Assert.Equal(EventTypes.All.Count, document.Webhooks!.Count);
    }

    [Fact]
    public async Task Each_operation_names_the_credentials_it_accepts()
    {
        var document = await DocumentAsync();
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        foreach (var name in new[] { BearerSecurity.SecretKeyScheme, BearerSecurity.ClientTokenScheme })
        {
            Assert.Equal("http", schemes[name]!["type"]!.GetValue<string>());
            Assert.Equal("bearer", schemes[name]!["scheme"]!.GetValue<string>());
        }
        string[] Accepted(string operationId) => Operations(document).Single(o => o.Operation["operationId"]!.GetValue<string>() == operationId)
            .Operation["security"]?.AsArray().SelectMany(r => r!.AsObject().Select(kv => kv.Key)).ToArray() ?? [];

        Assert.Equal([BearerSecurity.SecretKeyScheme], Accepted("CreateSession"));
        Assert.Equal([BearerSecurity.SecretKeyScheme], Accepted("GetSessionReport"));
        Assert.Equal([BearerSecurity.SecretKeyScheme], Accepted("CreateWebhookEndpoint"));
        foreach (var sessionRoute in new[] { "GetSession", "UploadDocument", "UploadSelfie", "SubmitSession", "CreateLivenessChallenge" })
            Assert.Equal([BearerSecurity.SecretKeyScheme, BearerSecurity.ClientTokenScheme], Accepted(sessionRoute));
        Assert.Empty(Accepted("Health"));
    }

    [Fact]
    public async Task Every_problem_response_names_its_codes_with_an_example_each()
    {
        var document = await DocumentAsync();
        var examples = document["components"]!["examples"]!.AsObject();
        var responses = 0;
        foreach (var (path, method, operation) in Operations(document))
        {
            foreach (var (status, response) in operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5'))
            {
                responses++;
                var where = $"{method} {path} {status}";
                var codes = response!["x-problem-codes"]?.AsArray().Select(c => c!.GetValue<string>()).ToList();
                Assert.True(codes is { Count: > 0 }, $"{where} lists no problem codes");
                var content = response["content"]![ProblemResponses.MediaType]!;
                Assert.Equal($"#/components/schemas/{ProblemResponses.SchemaName}", content["schema"]!["$ref"]!.GetValue<string>());
                Assert.Equal(codes, content["examples"]!.AsObject().Select(e => e.Key).ToList());
                foreach (var code in codes)
                    Assert.Equal(int.Parse(status), examples[code]!["value"]!["status"]!.GetValue<int>());
            }
            Assert.Contains("rate_limited", operation["responses"]!["429"]!["x-problem-codes"]!.AsArray().Select(c => c!.GetValue<string>()));
        }
        Assert.True(responses > 150, $"only {responses} problem responses");
        Assert.Equal(ProblemCatalog.All.Count, examples.Count);
    }

    [Fact]
    public void Every_problem_code_the_server_source_produces_is_in_the_catalogue()
    {
        var source = Path.Combine(Inputs.RepoRoot(), "src", "Ekyc.Server");
        var produced = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}OpenApi{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ProducedCode().Matches(File.ReadAllText(f)).Select(m => m.Groups["code"].Value))
            .ToHashSet();
        Assert.Contains("session_not_found", produced);
        Assert.Contains("payload_too_large", produced);
        Assert.Contains("bad_request", produced);
        var catalogued = ProblemCatalog.All.Select(p => p.Code).ToHashSet();
        Assert.Empty(produced.Except(catalogued));
    }

    /// <summary>A code handed to a problem: <c>new(404, "code"</c>, <c>ApiException(410, "code"</c>, <c>Create(429, "code"</c>, <c>404 => "code"</c>.</summary>
    [GeneratedRegex("""(?:\(\s*\d{3}\s*,\s*|\b\d{3}\s*=>\s*)"(?<code>[a-z_]+)"(?!\))""")]
    private static partial Regex ProducedCode();

    [Fact]
    public async Task The_uploads_take_multipart_or_a_raw_image_and_their_fields_in_the_query()
    {
        var document = await DocumentAsync();
        foreach (var (operationId, field) in new[] { ("UploadDocument", "type"), ("UploadSelfie", "challenge_id") })
        {
            var operation = Operations(document).Single(o => o.Operation["operationId"]!.GetValue<string>() == operationId).Operation;
            var content = operation["requestBody"]!["content"]!.AsObject();
            Assert.Equal(["multipart/form-data", .. UploadBodies.RawMediaTypes], content.Select(c => c.Key));
            Assert.NotNull(content["multipart/form-data"]!["schema"]!["properties"]!["file"]);
            Assert.Equal("binary", content["image/jpeg"]!["schema"]!["format"]!.GetValue<string>());
            Assert.Contains(operation["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == field && p["in"]!.GetValue<string>() == "query");
            Assert.Contains(operation["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key" && p["in"]!.GetValue<string>() == "header");
        }
    }

    [Fact]
    public async Task The_webhooks_describe_every_event_signed_with_the_standard_webhooks_headers()
    {
        var document = await DocumentAsync();
        var webhooks = document["webhooks"]!.AsObject();
        Assert.Equal(EventTypes.All.Order(), webhooks.Select(w => w.Key).Order());
        foreach (var (type, item) in webhooks)
        {
            var post = item!["post"]!;
            var headers = post["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "header" && p["required"]!.GetValue<bool>())
                .Select(p => p!["name"]!.GetValue<string>());
            Assert.Equal(["webhook-id", "webhook-timestamp", "webhook-signature"], headers);
            var schema = post["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
            Assert.Equal(type is EventTypes.Completed or EventTypes.Reviewed ? "#/components/schemas/VerificationDecisionEvent" : "#/components/schemas/WebhookEvent", schema);
        }
        var completed = document["components"]!["schemas"]!["VerificationDecisionEvent"]!["properties"]!;
        foreach (var field in new[] { "event", "session_id", "status", "confidence", "checks", "extracted_data" })
            Assert.NotNull(completed[field]);
    }

    [Fact]
    public async Task Timestamps_are_strings_numbers_are_numbers_and_extracted_data_has_its_fields()
    {
        var document = await DocumentAsync();
        var session = document["components"]!["schemas"]!["SessionResponse"]!["properties"]!;
        Assert.Equal("string", session["created_at"]!["type"]!.GetValue<string>());
        Assert.Equal("date-time", session["created_at"]!["format"]!.GetValue<string>());
        Assert.Equal(["null", "string"], session["decided_at"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()).Order());
        Assert.Equal(["null", "number"], session["confidence"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()).Order());
        Assert.Null(session["confidence"]!["pattern"]);
        foreach (var schema in new[] { "SessionResponse", "ReportResponse" })
            Assert.Equal("#/components/schemas/ExtractedData",
                document["components"]!["schemas"]![schema]!["properties"]!["extracted_data"]!["oneOf"]![1]!["$ref"]!.GetValue<string>());
        Assert.Equal("object", document["components"]!["schemas"]!["CheckReport"]!["properties"]!["evidence"]!["type"]!.GetValue<string>());
    }
}
