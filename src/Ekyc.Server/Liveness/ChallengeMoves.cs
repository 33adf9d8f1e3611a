using System.Security.Cryptography;
using Ekyc.Core.Engines;

namespace Ekyc.Server.Liveness;

/// <summary>Draws a challenge's moves with a cryptographic generator, so the order cannot be predicted and pre-recorded.</summary>
public static class ChallengeMoves
{
    /// <summary>
    /// <paramref name="count"/> moves among <paramref name="allowed"/> (at least two, one a turn), never the same twice in
    /// a row, with at least one head turn (the turn is where the 3-D parallax check looks; a blink alone is a flat change).
    /// </summary>
    public static IReadOnlyList<ChallengeMove> Draw(int count, IReadOnlyList<ChallengeMove> allowed)
    {
        while (true)
        {
            var moves = new List<ChallengeMove>(count);
            while (moves.Count < count)
            {
                var move = allowed[RandomNumberGenerator.GetInt32(allowed.Count)];
                if (moves.Count == 0 || moves[^1] != move)
                    moves.Add(move);
            }
            if (moves.Any(m => m != ChallengeMove.Blink))
                return moves;
        }
    }
}
