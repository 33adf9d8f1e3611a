using Ekyc.Verification.Screening.Matching;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Tests.Screening;

public sealed class NormalizationTests
{
    [Theory]
    [InlineData("Владимир Путин", "vladimir putin")]
    [InlineData("François Hollande", "francois hollande")]
    [InlineData("CHO'NG Mun-sik", "chong mun sik")]
    [InlineData("Dr. Ayman AL-ZAWAHIRI", "ayman al zawahiri")]
    [InlineData("  Sheikh   Isa  ", "isa")]
    public void Names_become_lower_case_ascii_tokens(string name, string expected)
    {
        Assert.Equal(expected, string.Join(' ', NameNormalizer.Normalize(name).Tokens));
    }

    [Fact]
    public void Any_script_is_transliterated()
    {
        Assert.All(new[] { "صدام حسين", "金正恩", "Ухнаагийн Хүрэлсүх", "ប៉ុល ពត" }, name =>
            Assert.All(NameNormalizer.Normalize(name).Tokens, t => Assert.True(t.All(char.IsAsciiLetterOrDigit))));
    }

    [Fact]
    public void Legal_forms_are_reduced_for_organisations_only()
    {
        Assert.Equal(["gazprom", "jsc"], NameNormalizer.Normalize("Gazprom Open Joint Stock Company", organization: true).Tokens);
        Assert.Equal(["gazprom", "jsc"], NameNormalizer.Normalize("OAO Gazprom", organization: true).Tokens.Order());
        Assert.Equal(["ao", "ming"], NameNormalizer.Normalize("Ao Ming").Tokens);
    }

    [Theory]
    [InlineData("Mohammed", "Muhammad")]
    [InlineData("Aleksandr", "Alexander")]
    [InlineData("Yusuf", "Youssef")]
    [InlineData("Ted", "Theodore")]
    public void Equivalent_spellings_score_as_the_same_token(string a, string b)
    {
        var score = NameScorer.Score(NameNormalizer.Normalize(a + " Example"), NameNormalizer.Normalize(b + " Example"), TokenWeights.Uniform);

        Assert.True(score.Score >= 0.95, $"{a}/{b}: {score.Score}");
        Assert.Contains(score.Alignment, x => x.Kind == TokenMatchKind.Equivalent);
    }

    [Fact]
    public void Token_order_does_not_matter()
    {
        var score = NameScorer.Score(NameNormalizer.Normalize("AL-ZAWAHIRI, Ayman"), NameNormalizer.Normalize("Ayman al-Zawahiri"), TokenWeights.Uniform);

        Assert.Equal(1.0, score.Score);
        Assert.True(score.IsExact);
    }

    [Fact]
    public void Short_tokens_get_no_edit_budget()
    {
        Assert.Equal(0, EditDistance.Budget(3));
        Assert.Equal(1, EditDistance.Budget(5));
        Assert.True(NameScorer.Score(NameNormalizer.Normalize("Ali Khan"), NameNormalizer.Normalize("Ala Kan"), TokenWeights.Uniform).Score < 0.70);
        Assert.True(NameScorer.Score(NameNormalizer.Normalize("Mikhail Khodorkovsky"), NameNormalizer.Normalize("Mikhail Khordorovsky"), TokenWeights.Uniform).Score >= 0.8);
    }

    [Fact]
    public void Numbers_must_match_exactly()
    {
        var score = NameScorer.Score(NameNormalizer.Normalize("Management Company 23", true), NameNormalizer.Normalize("Management Company", true), TokenWeights.Uniform);

        Assert.True(score.Score < 0.70, score.Score.ToString());
    }

    [Theory]
    [InlineData("USA", "us")]
    [InlineData("D", "de")]
    [InlineData("Democratic Republic of the Congo", "cd")]
    [InlineData("Syria", "sy")]
    [InlineData("af", "af")]
    [InlineData("IRQ", "iq")]
    public void Countries_resolve_to_alpha2(string text, string code)
    {
        Assert.Equal(code, Countries.Normalize(text));
    }

    [Fact]
    public void One_word_names_match_in_full_only_when_the_word_is_rare()
    {
        // "muhammad" is on 300 of 1,000 listed names, "walijan" on one.
        var weights = new TokenWeights(new Dictionary<string, int> { ["muhammad"] = 300, ["walijan"] = 1 }, 1000);
        double Score(string a, string b) => NameScorer.Score(NameNormalizer.Normalize(a), NameNormalizer.Normalize(b), weights).Score;

        Assert.Equal(NameScorer.SingleTokenCap, Score("MUHAMMAD", "Muhammad"));
        Assert.Equal(1.0, Score("WALIJAN", "Walijan"));
    }
}
