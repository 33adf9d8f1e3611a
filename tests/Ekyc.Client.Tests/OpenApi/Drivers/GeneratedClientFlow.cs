using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Ekyc.Generated;

/// <summary>
/// The integration flow written against the NSwag-generated types, compiled with them at test time: the tenant's backend
/// creates a session with its secret key, the customer's app uploads and submits with the client token, the backend polls
/// and reads the report. It returns what the test asserts.
/// </summary>
public static class GeneratedClientFlow
{
    public static async Task<IReadOnlyDictionary<string, string>> RunAsync(HttpClient tenant, Func<string, HttpClient> clientFor, byte[] passport, byte[] selfie)
    {
        var none = CancellationToken.None;
        var backend = new EkycApiClient(tenant);
        var created = await backend.CreateSessionAsync(Guid.NewGuid().ToString(), new CreateSessionRequest
        {
            Reference = "generated-client",
            Document_types = ["passport"],
            Checks = ["document_authenticity", "face_match", "sanctions_screening"],
        }, none);

        var app = new EkycApiClient(clientFor(created.Client_token));
        var document = await app.UploadDocumentAsync(created.Id, Side.Front, Ekyc.Generated.Type.Passport, Guid.NewGuid().ToString(),
            new FileParameter(new MemoryStream(passport), "passport.jpg", "image/jpeg"), none);
        var selfieUpload = await app.UploadSelfieAsync(created.Id, null, Guid.NewGuid().ToString(),
            [new FileParameter(new MemoryStream(selfie), "selfie.jpg", "image/jpeg")], none);
        var submitted = await app.SubmitSessionAsync(created.Id, Guid.NewGuid().ToString(), none);

        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        var session = await backend.GetSessionAsync(created.Id, null, none);
        while (session.Status is not ("approved" or "rejected" or "manual_review"))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Session {created.Id} still {session.Status}.");
            await Task.Delay(200);
            session = await backend.GetSessionAsync(created.Id, null, none);
        }
        var report = await backend.GetSessionReportAsync(created.Id, none);

        string problemCode;
        try
        {
            await backend.GetSessionAsync("sess_doesnotexist", null, none);
            problemCode = "none";
        }
        catch (EkycApiException<ProblemDetails> e)
        {
            problemCode = e.Result.Code;
        }

        return new Dictionary<string, string>
        {
            ["session_id"] = created.Id,
            ["document_sha256"] = document.Sha256,
            ["selfie_frames"] = selfieUpload.Frames.Count.ToString(),
            ["submit_status"] = submitted.Status,
            ["status"] = session.Status,
            ["decision_rule"] = session.Decision.Rule,
            ["full_name"] = session.Extracted_data.Full_name,
            ["report_checks"] = report.Checks.Count.ToString(),
            ["problem_code"] = problemCode,
        };
    }
}
