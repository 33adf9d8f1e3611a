using System.ComponentModel.DataAnnotations;
using Ekyc.Core.Engines;
using Ekyc.Server.Liveness;

namespace Ekyc.Server.Tests.Liveness;

public class ChallengeMovesTests
{
    [Fact]
    public void Challenges_are_drawn_from_the_allowed_moves_only_with_a_turn_and_no_move_twice_in_a_row()
    {
        var turns = new LivenessOptions { AllowedMoves = "turn_left, turn_right" }.AllowedMoveList;
        for (var i = 0; i < 200; i++)
        {
            var moves = ChallengeMoves.Draw(3, turns);
            Assert.DoesNotContain(ChallengeMove.Blink, moves);
            Assert.All(moves.Zip(moves.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        }
        var all = Enumerable.Range(0, 200).SelectMany(_ => ChallengeMoves.Draw(2, new LivenessOptions().AllowedMoveList)).ToHashSet();
        Assert.Equal(3, all.Count);
    }

    [Theory]
    [InlineData("turn_left,turn_right", true)]
    [InlineData("turn_left,blink", true)]
    [InlineData("turn_left", false)]
    [InlineData("blink", false)]
    [InlineData("turn_left,nod", false)]
    [InlineData("", false)]
    public void The_allowed_moves_need_two_known_moves_one_a_turn(string allowed, bool valid)
    {
        var options = new LivenessOptions { AllowedMoves = allowed };
        var results = new List<ValidationResult>();
        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
    }
}
