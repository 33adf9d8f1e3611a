using Ekyc.Core.Engines;

namespace Ekyc.Synthetic.Decisions;

/// <summary>A labelled verification with its encoded images, ready to upload.</summary>
/// <param name="Back">The MRZ side of an ID card; null for a passport.</param>
/// <param name="Selfie">The passive selfie; for a challenge answer, the neutral frame as a webcam would take it.</param>
/// <param name="AnswerChallenge">For the challenge kinds: the frames answering the moves the server returned.</param>
public sealed record DecisionCase(DecisionLabel Label, byte[] Front, byte[]? Back, byte[] Selfie,
    Func<IReadOnlyList<ChallengeMove>, IReadOnlyList<byte[]>>? AnswerChallenge = null);
