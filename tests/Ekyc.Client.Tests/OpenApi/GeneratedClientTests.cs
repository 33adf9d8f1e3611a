using System.Security.Cryptography;
using Ekyc.Client.Tests.Infrastructure;

namespace Ekyc.Client.Tests.OpenApi;

/// <summary>
/// The proof that the document is usable: NSwag generates a C# client from the live <c>/openapi/v1.json</c>, Roslyn
/// compiles it with a driver written against its types, and the driver runs the whole flow against the real server.
/// </summary>
public class GeneratedClientTests(EkycServer server) : IClassFixture<EkycServer>
{
    [Fact]
    public async Task A_client_generated_by_nswag_runs_the_whole_verification_flow()
    {
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        var code = await GeneratedClient.GenerateAsync(await anonymous.GetStringAsync("/openapi/v1.json"));
        var assembly = GeneratedClient.Compile(code, GeneratedClient.Driver("GeneratedClientFlow.cs"));
        var run = assembly.GetType($"{GeneratedClient.Namespace}.GeneratedClientFlow")!.GetMethod("RunAsync")!;

        var clients = new List<HttpClient>();
        HttpClient ClientFor(string token)
        {
            var client = new HttpClient { BaseAddress = server.Address };
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            clients.Add(client);
            return client;
        }
        var passport = Inputs.Passport();
        var selfie = Inputs.Selfie();
        try
        {
            var result = await (Task<IReadOnlyDictionary<string, string>>)run.Invoke(null, [ClientFor(server.ApiKey), (Func<string, HttpClient>)ClientFor, passport, selfie])!;

            Assert.StartsWith("sess_", result["session_id"]);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(passport)), result["document_sha256"]);
            Assert.Equal("1", result["selfie_frames"]);
            Assert.Equal("submitted", result["submit_status"]);
            Assert.Equal("approved", result["status"]);
            Assert.Equal("all_checks_passed", result["decision_rule"]);
            Assert.Equal("NICOLAS CAGE", result["full_name"]);
            Assert.Equal("5", result["report_checks"]);
            Assert.Equal("session_not_found", result["problem_code"]);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
