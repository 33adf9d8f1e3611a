using System.Globalization;
using System.Text.Json;
using Ekyc.Core.Engines;
using Ekyc.Core.Sessions;
using Ekyc.Server.Auth;
using Ekyc.Server.Data;
using Ekyc.Server.Engines;
using Ekyc.Server.Errors;
using Ekyc.Server.Options;
using Ekyc.Server.Sessions;
using Ekyc.Server.Uploads;
using Ekyc.Verification.Faces;
using Ekyc.Verification.Faces.Active;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Liveness;

/// <summary>
/// The capture page's live feedback during a challenge: one frame's pose read by the server's face engine and judged
/// against the challenge's step. Bounded like an upload: the session must accept a selfie and the challenge be usable
/// (checked, and the check counted, before the body is read), a small frame limit from the header before decoding,
/// decodes through the process-wide <see cref="DecodeGate"/>, and reads the face through the <see cref="RequestModelGate"/>.
/// </summary>
public sealed class PoseCheckService(Database database, SessionService sessions, DecodeGate decodeGate, IOptions<EkycOptions> options,
    RequestModelGate models, IServiceProvider services, TimeProvider time)
{
    private LivenessOptions Settings => options.Value.Liveness;

    public async Task<PoseCheckResponse> CheckAsync(Caller caller, string sessionId, string challengeId, HttpRequest request, CancellationToken cancellationToken)
    {
        if (services.GetService<PoseReader>() is not { } reader || services.GetService<IOptions<FaceOptions>>() is not { } faceOptions)
            throw LivenessProblems.PoseCheckUnavailable();
        await sessions.EnsureAcceptsAsync(caller, sessionId, SessionAction.UploadSelfie, cancellationToken);
        var (challenge, count) = await CountAsync(caller, sessionId, challengeId, cancellationToken);

        var upload = await UploadReader.ReadAsync(request, Settings.PoseFrameMaxBytes, 1, cancellationToken);
        var step = Step(upload.Field("step"), challenge.Moves.Count);
        var referenceYaw = step == 0 ? 0 : ReferenceYaw(upload.Field("reference_yaw"));
        var limits = options.Value.Uploads;
        var header = ImageIntake.Inspect(upload.Files[0], new UploadLimits
        {
            MaxBytes = Settings.PoseFrameMaxBytes, MaxPixels = Settings.PoseFrameMaxPixels, MaxRequestPixels = Settings.PoseFrameMaxPixels,
            MaxDimension = limits.MaxDimension, MinDimension = limits.MinDimension, MaxJpegScans = limits.MaxJpegScans,
        });
        await decodeGate.DecodeAsync([header], cancellationToken);

        var reading = await models.RunAsync(() => reader.Read(header.Bytes), cancellationToken);
        if (reading is null)
            throw Problems.ImageUndecodable("The frame does not decode.");

        var expected = step == 0 ? (ChallengeMove?)null : challenge.Moves[step - 1];
        var verdict = PoseGuide.Judge(reading, expected, referenceYaw, faceOptions.Value);
        var face = reading.Faces > 0;
        return new PoseCheckResponse("pose_check", challenge.Id, step, expected?.ToWire() ?? "neutral", verdict.Matched,
            JsonNamingPolicy.SnakeCaseLower.ConvertName(verdict.Hint.ToString()), verdict.Shows?.ToWire(), reading.Faces,
            face ? Math.Round(reading.Yaw, 4) : null, verdict.YawChange is { } change ? Math.Round(change, 4) : null,
            expected is ChallengeMove.TurnLeft or ChallengeMove.TurnRight ? faceOptions.Value.ChallengeGuideTurnYaw : null,
            face ? [Math.Round(reading.EyesOpenLeft, 3), Math.Round(reading.EyesOpenRight, 3)] : null, Settings.MaxPoseChecks - (int)count);
    }

    /// <summary>Counts the check against the challenge, or says why the challenge cannot be checked against.</summary>
    private async Task<(LivenessChallengeRecord, long)> CountAsync(Caller caller, string sessionId, string challengeId, CancellationToken cancellationToken) =>
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var now = time.GetUtcNow();
            var count = await LivenessChallengeStore.CountPoseCheckAsync(connection, transaction, caller.TenantId, sessionId, challengeId, now, Settings.MaxPoseChecks);
            var challenge = await LivenessChallengeStore.FindAsync(connection, transaction, caller.TenantId, sessionId, challengeId)
                ?? throw LivenessProblems.NotFound(challengeId);
            if (count is { } counted)
                return (challenge, counted);
            if (challenge.UsedAt is not null)
                throw LivenessProblems.Used(challengeId);
            if (challenge.ExpiresAt <= now)
                throw LivenessProblems.Expired(challengeId, challenge.ExpiresAt);
            throw LivenessProblems.PoseChecksExhausted(challengeId, Settings.MaxPoseChecks);
        }, cancellationToken);

    private static int Step(string? value, int moves) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step <= moves
            ? step
            : throw Problems.Invalid("step", $"0 for the frontal reference frame, or 1 to {moves} for the challenge's moves in order.");

    private static double ReferenceYaw(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var yaw) && Math.Abs(yaw) <= 2
            ? yaw
            : throw Problems.Invalid("reference_yaw", "The yaw the step-0 check returned for the reference frame (between -2 and 2).");
}
