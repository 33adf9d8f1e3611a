using Ekyc.Core.Engines;
using Ekyc.Synthetic.Liveness;

namespace Ekyc.Synthetic.Decisions;

/// <summary>A labelled verification with its encoded images, ready to upload.</summary>
/// <param name="Back">The MRZ side of an ID card; null for a passport.</param>
/// <param name="Selfie">The passive selfie; for a challenge answer, the neutral frame as a webcam would take it.</param>
/// <param name="AnswerChallenge">For an attack on the challenge: the frames answering the moves the server returned, sent without the page.</param>
/// <param name="LiveChallenge">For a genuine customer: the person before the capture page, frame by frame, for the moves the server returned.</param>
public sealed record DecisionCase(DecisionLabel Label, byte[] Front, byte[]? Back, byte[] Selfie,
    Func<IReadOnlyList<ChallengeMove>, IReadOnlyList<byte[]>>? AnswerChallenge = null,
    Func<IReadOnlyList<ChallengeMove>, LiveAnswer>? LiveChallenge = null);
