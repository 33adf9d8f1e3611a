using Ekyc.Verification.Screening.Matching;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ekyc.Verification.Tests.Screening;

/// <summary>The index skips explaining names whose score bound is below the bar: the bound must never skip a name that makes it.</summary>
public sealed class ScoreBoundTests
{
    private static readonly string[] Parts = ["ali", "aly", "muhammad", "mohamed", "abu", "bakr", "abubakr", "al", "zawahiri", "ayman", "khan", "k", "23", "co"];

    [Property(MaxTest = 500)]
    public Property Skipping_by_the_bound_never_drops_a_name_at_or_above_the_bar() =>
        Prop.ForAll(Names().ToArbitrary(), Names().ToArbitrary(), Gen.Choose(1, 100).ToArbitrary(), (a, b, percent) =>
        {
            var query = NameNormalizer.Normalize(a);
            var candidate = NameNormalizer.Normalize(b);
            var bar = percent / 100.0;
            var full = NameScorer.Score(query, candidate, TokenWeights.Uniform);
            var bounded = NameScorer.ScoreAtLeast(query, candidate, TokenWeights.Uniform, bar);
            return bounded is null ? full.Score < bar : bounded.Score == full.Score;
        });

    [Fact]
    public void A_name_far_below_the_bar_is_skipped_and_an_exact_one_is_not()
    {
        var query = NameNormalizer.Normalize("Ayman al-Zawahiri");

        Assert.Null(NameScorer.ScoreAtLeast(query, NameNormalizer.Normalize("Muhammad Khan"), TokenWeights.Uniform, 0.7));
        Assert.Equal(1.0, NameScorer.ScoreAtLeast(query, NameNormalizer.Normalize("AL-ZAWAHIRI, Ayman"), TokenWeights.Uniform, 0.7)!.Score);
    }

    /// <summary>Names of one to five parts drawn from a small set, so that pairs often share, split or join words.</summary>
    private static Gen<string> Names() =>
        from count in Gen.Choose(1, 5)
        from parts in Gen.ArrayOf(Gen.Elements(Parts), count)
        select string.Join(' ', parts);
}
