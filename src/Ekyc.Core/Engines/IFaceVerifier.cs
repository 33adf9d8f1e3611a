using Ekyc.Core.Checks;

namespace Ekyc.Core.Engines;

/// <summary>The face engine as the processing pipeline sees it.</summary>
public interface IFaceVerifier
{
    /// <summary>
    /// Compares the largest face of the document front with the selfie (<c>face_match</c>) and judges the
    /// selfie's liveness (<c>face_liveness</c>); several frames enable active liveness, and a
    /// <paramref name="challenge"/> the frames were captured against must be shown in them, in order.
    /// </summary>
    FaceVerification Verify(byte[] documentFront, IReadOnlyList<byte[]> selfieFrames, ActiveChallenge? challenge, CancellationToken cancellationToken);
}

public sealed record FaceVerification(CheckResult Match, CheckResult Liveness);
