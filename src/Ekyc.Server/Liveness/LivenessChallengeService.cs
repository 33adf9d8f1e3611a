using System.Data.Common;
using System.Security.Cryptography;
using Ekyc.Core.Engines;
using Ekyc.Core.Sessions;
using Ekyc.Server.Auth;
using Ekyc.Server.Data;
using Ekyc.Server.Errors;
using Ekyc.Server.Options;
using Ekyc.Server.Sessions;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Liveness;

/// <summary>Issues liveness challenges and binds a selfie upload to the one it answers, exactly once.</summary>
public sealed class LivenessChallengeService(Database database, SessionStore sessions, SessionExpiry expiry, IOptions<EkycOptions> options,
    TimeProvider time)
{
    /// <summary>A new challenge for a session that still accepts a selfie (its route admits the session's client token or a secret key).</summary>
    public async Task<LivenessChallengeResponse> CreateAsync(Caller caller, string sessionId, CancellationToken cancellationToken)
    {
        var settings = options.Value.Liveness;
        var challenge = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var session = await expiry.ExpireIfDueAsync(connection, transaction,
                await sessions.LoadAsync(connection, transaction, caller, sessionId) ?? throw Problems.SessionNotFound(sessionId));
            if (session.DeletedAt is not null)
                throw Problems.SessionDeleted(sessionId);
            if (!SessionStateMachine.CanApply(session.Status, SessionAction.UploadSelfie))
                throw new InvalidStateTransitionException(session.Status, SessionAction.UploadSelfie, SessionStateMachine.CallerActions(session.Status));
            var now = time.GetUtcNow();
            var expires = now + settings.ChallengeLifetime;
            var record = new LivenessChallengeRecord(Ids.New("lch"), caller.TenantId, sessionId, ChallengeMoves.Draw(settings.Moves, settings.AllowedMoveList),
                Base64Url(RandomNumberGenerator.GetBytes(18)), now, expires < session.ExpiresAt ? expires : session.ExpiresAt, null, null);
            await LivenessChallengeStore.InsertAsync(connection, transaction, record);
            return record;
        }, cancellationToken);
        return new LivenessChallengeResponse(challenge.Id, [.. challenge.Moves.Select(m => m.ToWire())], challenge.Nonce, challenge.ExpiresAt);
    }

    /// <summary>Refuses an unknown, foreign, used or expired challenge before the upload stores anything.</summary>
    public async Task RequireUsableAsync(Caller caller, string sessionId, string challengeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        Usable(await LivenessChallengeStore.FindAsync(connection, null, caller.TenantId, sessionId, challengeId), challengeId);
    }

    /// <summary>Marks the challenge answered by the upload whose first frame is <paramref name="selfieImageId"/>, in the upload's transaction.</summary>
    public async Task ConsumeAsync(DbConnection connection, DbTransaction transaction, Caller caller, string sessionId, string challengeId,
        string selfieImageId)
    {
        if (await LivenessChallengeStore.ConsumeAsync(connection, transaction, challengeId, selfieImageId, time.GetUtcNow()))
            return;
        // Someone used it or the clock ran out between the check and the commit: say which.
        Usable(await LivenessChallengeStore.FindAsync(connection, transaction, caller.TenantId, sessionId, challengeId), challengeId);
        throw LivenessProblems.Used(challengeId);
    }

    /// <summary>The challenge the worker must judge the selfie against, if its upload answered one.</summary>
    public async Task<ActiveChallenge?> ForSelfieAsync(string firstFrameImageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await LivenessChallengeStore.FindBySelfieAsync(connection, firstFrameImageId))?.ToChallenge();
    }

    private void Usable(LivenessChallengeRecord? challenge, string id)
    {
        if (challenge is null)
            throw LivenessProblems.NotFound(id);
        if (challenge.UsedAt is not null)
            throw LivenessProblems.Used(id);
        if (challenge.ExpiresAt <= time.GetUtcNow())
            throw LivenessProblems.Expired(id, challenge.ExpiresAt);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
