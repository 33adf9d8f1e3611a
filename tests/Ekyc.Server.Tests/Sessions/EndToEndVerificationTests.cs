using System.Net;
using System.Text.Json.Nodes;
using Ekyc.Server.Tests.Infrastructure;
using Ekyc.Verification.Documents.Mrz;
using Ekyc.Verification.Documents.Specimens;

namespace Ekyc.Server.Tests.Sessions;

/// <summary>
/// The whole product over HTTP with every real engine: a rendered passport (OCR-B MRZ, a real face as its
/// portrait), a selfie, the real lists. Only the inputs are synthetic.
/// </summary>
public class EndToEndVerificationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private TestServer Server => fixture.Server;

    private static byte[] Passport(string surname, string given, string birth, string nationality, byte[] portrait)
    {
        var fields = new MrzFields(MrzFormat.Td3, "P", nationality, surname, given, "L8988901C", nationality, birth, 'M', "330114", "");
        return new SpecimenRenderer(OcrBFont.Path).Render(fields, new SpecimenOptions { Width = 1500, JpegQuality = 90, Portrait = portrait });
    }

    private async Task<(JsonObject Session, JsonObject Report)> VerifyAsync(byte[] passport, byte[] selfie, string[] checks)
    {
        using var client = Server.Client();
        var id = (await Api.CreateSessionAsync(client, new { checks })).Id();
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadDocumentAsync(client, id, passport)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Api.UploadSelfieAsync(client, id, selfie)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/v1/sessions/{id}/submit", null)).StatusCode);
        var session = await Api.WaitForDecisionAsync(client, id, TimeSpan.FromMinutes(2));
        return (session, await Api.BodyAsync(await client.GetAsync($"/v1/sessions/{id}/report")));
    }

    private static string Check(JsonObject session, string name) => session["checks"]![name]!.GetValue<string>();

    [Fact]
    public async Task A_genuine_passport_and_a_selfie_of_its_holder_are_approved()
    {
        var passport = Passport("CAGE", "NICOLAS", "640107", "USA", Photos.Read("cage2_crop.jpg"));
        var (session, report) = await VerifyAsync(passport, Photos.Read("cage.jpg"), ["document_authenticity", "face_match", "sanctions_screening"]);

        Assert.Equal("pass", Check(session, "document_authenticity"));
        Assert.Equal("pass", Check(session, "face_match"));
        Assert.Equal("clear", Check(session, "sanctions_screening"));
        Assert.Equal("not_run", Check(session, "face_liveness"));
        Assert.Equal("approved", session.Status());
        Assert.Equal("all_checks_passed", session["decision"]!["rule"]!.GetValue<string>());
        var data = session["extracted_data"]!;
        Assert.Equal("NICOLAS CAGE", data["full_name"]!.GetValue<string>());
        Assert.Equal("1964-01-07", data["date_of_birth"]!.GetValue<string>());
        Assert.Equal("L8988901C", data["document_number"]!.GetValue<string>());
        Assert.Equal("passport", data["document_type"]!.GetValue<string>());
        Assert.Equal("USA", data["nationality"]!.GetValue<string>());

        var match = report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "face_match")!;
        Assert.True(match["score"]!.GetValue<double>() >= match["threshold"]!.GetValue<double>());
        Assert.Contains(report["stages"]!.AsArray(), s => s!["stage"]!.GetValue<string>() == "document");
    }

    [Fact]
    public async Task The_report_gives_each_engine_stage_its_inference_time_within_its_wall_time()
    {
        var passport = Passport("CAGE", "NICOLAS", "640107", "USA", Photos.Read("cage2_crop.jpg"));
        var (_, report) = await VerifyAsync(passport, Photos.Read("cage.jpg"), ["document_authenticity", "face_match"]);

        var stages = report["stages"]!.AsArray().Select(s => s!.AsObject()).ToDictionary(s => s["stage"]!.GetValue<string>());
        Assert.Null(stages["intake"]["inference_milliseconds"]);
        foreach (var name in new[] { "document", "faces" })
        {
            var inference = stages[name]["inference_milliseconds"]!.GetValue<double>();
            Assert.InRange(inference, double.Epsilon, stages[name]["milliseconds"]!.GetValue<double>());
        }
        // Stages may overlap, so the total's inference is at least each stage's, at most their sum and the total wall time
        // (within 0.1 ms: the total is summed separately, and once fell a ten-thousandth of a millisecond under a stage).
        var total = stages["total"]["inference_milliseconds"]!.GetValue<double>();
        Assert.InRange(total, Math.Max(Inference("document"), Inference("faces")) - 0.1, Inference("document") + Inference("faces") + 0.1);
        Assert.True(total <= stages["total"]["milliseconds"]!.GetValue<double>());
        double Inference(string stage) => stages[stage]["inference_milliseconds"]!.GetValue<double>();

        var document = report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "document_authenticity")!;
        var engineTotal = document["timings"]!.AsArray().Single(t => t!["stage"]!.GetValue<string>() == "total")!;
        Assert.InRange(engineTotal["inference_milliseconds"]!.GetValue<double>(), double.Epsilon, engineTotal["milliseconds"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_selfie_of_someone_else_is_rejected()
    {
        var passport = Passport("CAGE", "NICOLAS", "640107", "USA", Photos.Read("cage2_crop.jpg"));
        var (session, _) = await VerifyAsync(passport, Photos.Read("audrey.jpg"), ["document_authenticity", "face_match"]);
        Assert.Equal("fail", Check(session, "face_match"));
        Assert.Equal("rejected", session.Status());
        Assert.Equal("check_failed", session["decision"]!["rule"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rejected_forgery_stays_rejected_when_its_exif_block_is_malformed()
    {
        // A specimen passport (state UTO) is a failed document. Its EXIF Software entry points at 0x7FFFFFF0: the metadata
        // reader used to throw, the document check became review/engine_error and the session manual_review.
        var passport = WithSoftwareAt(Passport("CAGE", "NICOLAS", "640107", "UTO", Photos.Read("cage2_crop.jpg")), 0x7FFFFFF0);
        var (session, report) = await VerifyAsync(passport, Photos.Read("cage.jpg"), ["document_authenticity"]);

        Assert.Equal("fail", Check(session, "document_authenticity"));
        Assert.Equal("rejected", session.Status());
        var document = report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "document_authenticity")!;
        Assert.Contains("specimen_document", document["reason_codes"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains("metadata_unreadable", document["evidence"]!.ToJsonString());
    }

    /// <summary>The JPEG with an APP1 EXIF block whose only entry, Software (20 ASCII bytes), says its text is at <paramref name="offset"/>.</summary>
    private static byte[] WithSoftwareAt(byte[] jpeg, uint offset)
    {
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x31, 0, 2, 0, 0, 0, 20,
            (byte)(offset >> 24), (byte)(offset >> 16), (byte)(offset >> 8), (byte)offset, 0, 0, 0, 0];
        var length = 2 + 6 + tiff.Length;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. "Exif\0\0"u8, .. tiff];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    [Fact]
    public async Task A_person_on_the_un_sanctions_list_is_rejected_with_the_match_explained()
    {
        // UN list entry 6907999: Sultani Makenga, born 1973-12-25, Democratic Republic of the Congo.
        var passport = Passport("MAKENGA", "SULTANI", "731225", "COD", Photos.Read("SeanConnery.jpg"));
        var (session, report) = await VerifyAsync(passport, Photos.Read("sean_guru2_crop.jpg"), ["document_authenticity", "sanctions_screening"]);
        Assert.Equal("hit", Check(session, "sanctions_screening"));
        Assert.Equal("rejected", session.Status());
        Assert.Equal("sanctions_hit", session["decision"]!["rule"]!.GetValue<string>());
        var sanctions = report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "sanctions_screening")!;
        Assert.Contains("MAKENGA", sanctions["evidence"]!.ToJsonString().ToUpperInvariant());
    }
}
