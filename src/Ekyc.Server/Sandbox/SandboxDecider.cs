using System.Diagnostics;
using Ekyc.Core.Checks;
using Ekyc.Server.Jobs;
using Ekyc.Server.Sessions;

namespace Ekyc.Server.Sandbox;

/// <summary>
/// Stands in for the verification pipeline on test sessions: no model runs, no image is read. The check results are the
/// session's scripted scenario, shaped as the engines shape theirs (status, confidence, reason codes, evidence, version),
/// and the extracted data is a fixed specimen identity; the worker then decides, stores and announces them exactly as
/// for a live session.
/// </summary>
public static class SandboxDecider
{
    /// <summary>The identity a test session's document "reads"; its document type is the uploaded one.</summary>
    public static ExtractedData Specimen(string? documentType) => new()
    {
        FullName = "TESTA SANDBOX",
        Surname = "SANDBOX",
        GivenNames = "TESTA",
        DateOfBirth = new DateOnly(1990, 1, 15),
        DocumentNumber = "SB0000001",
        DocumentType = documentType,
        Nationality = "GBR",
        IssuingCountry = "GBR",
        Sex = "F",
        ExpiryDate = new DateOnly(2035, 1, 14),
    };

    public static VerificationPipeline.Outcome Run(SessionRecord session, IReadOnlyList<ImageRecord> images)
    {
        var watch = Stopwatch.StartNew();
        var scenario = session.Config.Sandbox
            ?? throw new InvalidOperationException($"Test session {session.Id} has no sandbox scenario.");
        var checks = CheckNames.All.Select(name => scenario.Checks.TryGetValue(name, out var scripted)
            ? SandboxScenarios.ToResult(name, scripted)
            : CheckResult.NotRun(name, CommonReasons.NotRequested)).ToList();
        // As live: the document is read when a document or screening check is asked for, and yields nothing when its check did not run.
        var documentRead = scenario.Checks.Keys.Any(c => c is CheckNames.DocumentAuthenticity || CheckNames.IsScreening(c))
            && scenario.Checks.GetValueOrDefault(CheckNames.DocumentAuthenticity)?.Status != CheckStatus.NotRun.ToWire();
        var front = images.FirstOrDefault(i => i is { Kind: ImageRecord.DocumentKind, Side: "front" });
        var extracted = documentRead ? Specimen(front?.DocumentType) : null;
        var elapsed = watch.Elapsed.TotalMilliseconds;
        return new VerificationPipeline.Outcome(checks, extracted, [new StageTiming("sandbox", elapsed)], elapsed, InferenceMilliseconds: 0);
    }
}
