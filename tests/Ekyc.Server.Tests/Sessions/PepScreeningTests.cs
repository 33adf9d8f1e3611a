using System.Net;
using System.Text.Json.Nodes;
using Ekyc.Server.Tests.Infrastructure;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;

namespace Ekyc.Server.Tests.Sessions;

/// <summary>
/// A fresh server seeds the shipped PEP list (<c>lists/pep</c>) and screens against it out of the box: a former US
/// president's passport is a PEP hit explained by office, country and dates; an unlisted name is clear.
/// </summary>
public class PepScreeningTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    private static byte[] Passport(string surname, string given, string birth, string nationality)
    {
        var fields = new MrzFields(MrzFormat.Td3, "P", nationality, surname, given, "L8988901C", nationality, birth, 'M', "330114", "");
        return new SpecimenRenderer(OcrBFont.Path).Render(fields, new SpecimenOptions { Width = 1500, JpegQuality = 90, Portrait = Photos.Read("cage2_crop.jpg") });
    }

    private async Task<(JsonObject Session, JsonObject Pep)> ScreenAsync(byte[] passport)
    {
        using var client = Server.Client();
        var id = (await Api.CreateSessionAsync(client, new { checks = new[] { "document_authenticity", "sanctions_screening", "pep_screening" } })).Id();
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadDocumentAsync(client, id, passport)).StatusCode);
        // Submitting needs a selfie even when no face check is asked for.
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadSelfieAsync(client, id, Photos.Read("cage.jpg"))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/v1/sessions/{id}/submit", null)).StatusCode);
        var session = await Api.WaitForDecisionAsync(client, id, TimeSpan.FromMinutes(2));
        var report = await Api.BodyAsync(await client.GetAsync($"/v1/sessions/{id}/report"));
        return (session, report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "pep_screening")!.AsObject());
    }

    [Fact]
    public void A_fresh_data_folder_gets_the_shipped_pep_list()
    {
        Assert.True(File.Exists(Path.Combine(Server.DataPath, "lists", "pep", "manifest.json")));
        Assert.True(File.Exists(Path.Combine(Server.DataPath, "lists", "pep", "pep.jsonl.gz")));
    }

    [Fact]
    public async Task A_former_president_is_a_pep_hit_explained_by_office_country_and_dates()
    {
        var (session, pep) = await ScreenAsync(Passport("BIDEN", "JOSEPH ROBINETTE", "421120", "USA"));

        Assert.Equal("hit", session["checks"]!["pep_screening"]!.GetValue<string>());
        Assert.Equal("clear", session["checks"]!["sanctions_screening"]!.GetValue<string>());
        Assert.Equal("manual_review", session.Status());
        Assert.Equal("pep_hit", session["decision"]!["rule"]!.GetValue<string>());
        Assert.Contains("pep_former", pep["reason_codes"]!.AsArray().Select(r => r!.GetValue<string>()));
        var match = pep["evidence"]!["matches"]!.AsArray()[0]!;
        Assert.Equal("us-bioguide-B000444", match["entity_id"]!.GetValue<string>());
        Assert.Equal("match", match["dob_verdict"]!.GetValue<string>());
        var evidence = match["pep"]!;
        Assert.True(evidence["former"]!.GetValue<bool>());
        Assert.Equal("former", evidence["status"]!.GetValue<string>());
        Assert.Equal("2025-01-20", evidence["left_office"]!.GetValue<string>());
        var president = evidence["positions"]!.AsArray().Single(p => p!["title"]!.GetValue<string>() == "President of the United States")!;
        Assert.Equal(("us", "2021-01-20", "2025-01-20"), (president["country"]!.GetValue<string>(), president["start"]!.GetValue<string>(), president["end"]!.GetValue<string>()));
        Assert.StartsWith("Former office holder: President of the United States (US), 2021-01-20 to 2025-01-20", evidence["explanation"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unlisted_name_is_clear_on_both_lists()
    {
        var (session, pep) = await ScreenAsync(Passport("QUORVELL", "ZANDRIX", "850312", "USA"));

        Assert.Equal("clear", session["checks"]!["pep_screening"]!.GetValue<string>());
        Assert.Equal("clear", session["checks"]!["sanctions_screening"]!.GetValue<string>());
        Assert.Empty(pep["evidence"]!["matches"]!.AsArray());
        Assert.Contains("pep@", pep["version"]!.GetValue<string>());
    }
}
