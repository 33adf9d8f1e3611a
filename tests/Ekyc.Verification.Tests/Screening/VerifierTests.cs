using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Verification.Screening;

namespace Ekyc.Verification.Tests.Screening;

[Collection(ReferenceIndexCollection.Name)]
public sealed class VerifierTests(ReferenceIndexFixture fixture)
{
    private readonly ScreeningVerifier _verifier = new(fixture.Service, fixture.Options);

    [Fact]
    public void Listed_person_is_a_sanctions_hit_and_pep_clear()
    {
        var result = _verifier.Screen(new ScreeningSubject("SADDAM HUSSEIN AL-TIKRITI", new DateOnly(1937, 4, 28), "IRQ"), default);

        Assert.Equal(CheckNames.SanctionsScreening, result.Sanctions.Name);
        Assert.Equal(CheckStatus.Hit, result.Sanctions.Status);
        Assert.Contains(ScreeningReasons.DobMatch, result.Sanctions.ReasonCodes);
        var matches = Assert.IsAssignableFrom<IEnumerable<MatchEvidence>>(result.Sanctions.Evidence["matches"]);
        Assert.Contains(matches, m => m.EntityId == "IQi.001" && m.DobVerdict == "match" && m.Alignment.Count == 4);
        Assert.Equal(CheckStatus.Clear, result.Pep.Status);
        Assert.Contains("un@", result.Sanctions.Version);
        Assert.NotEmpty(result.Sanctions.Timings);
    }

    [Fact]
    public void Member_of_congress_is_a_pep_hit_and_sanctions_clear()
    {
        var result = _verifier.Screen(new ScreeningSubject("Jennifer McClellan", new DateOnly(1972, 12, 28), "USA"), default);

        Assert.Equal(CheckStatus.Hit, result.Pep.Status);
        Assert.Equal(CheckStatus.Clear, result.Sanctions.Status);
    }

    [Fact]
    public void Ordinary_name_is_clear_with_high_confidence()
    {
        var result = _verifier.Screen(new ScreeningSubject("Johanna Lindqvist", new DateOnly(1990, 5, 17), "SWE"), default);

        Assert.Equal(CheckStatus.Clear, result.Sanctions.Status);
        Assert.Equal(CheckStatus.Clear, result.Pep.Status);
        Assert.True(result.Sanctions.Confidence > 0.6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("J")]
    [InlineData("---")]
    public void Unusable_names_go_to_review_with_a_reason(string name)
    {
        var result = _verifier.Screen(new ScreeningSubject(name, null, null), default);

        Assert.Equal(CheckStatus.Review, result.Sanctions.Status);
        Assert.Equal(CheckStatus.Review, result.Pep.Status);
        Assert.Contains(CommonReasons.MissingInput, result.Sanctions.ReasonCodes);
    }

    [Fact]
    public void Absurd_birth_dates_are_ignored_and_reported()
    {
        var future = _verifier.Screen(new ScreeningSubject("SADDAM HUSSEIN AL-TIKRITI", new DateOnly(2999, 1, 1), null), default);
        var ancient = _verifier.Screen(new ScreeningSubject("SADDAM HUSSEIN AL-TIKRITI", new DateOnly(1, 1, 1), null), default);

        Assert.Contains(ScreeningReasons.DobImplausible, future.Sanctions.ReasonCodes);
        Assert.Contains(ScreeningReasons.DobImplausible, ancient.Sanctions.ReasonCodes);
        Assert.NotEqual(CheckStatus.Clear, future.Sanctions.Status);
    }

    [Fact]
    public void Without_lists_the_checks_did_not_run()
    {
        var verifier = new ScreeningVerifier(new ScreeningService(new ScreeningOptions()), new ScreeningOptions());

        var result = verifier.Screen(new ScreeningSubject("Anyone Atall", null, null), default);

        Assert.Equal(CheckStatus.NotRun, result.Sanctions.Status);
        Assert.Equal([ScreeningReasons.NoPepList], result.Pep.ReasonCodes);
    }

    [Fact]
    public void Names_in_any_script_are_screened_without_error()
    {
        foreach (var name in new[] { "金正恩", "Ким Чен Ын", "محمد علي", "Ελευθέριος Βενιζέλος", "🙂🙂", new string('a', 5000) })
        {
            var result = _verifier.Screen(new ScreeningSubject(name, null, null), default);

            Assert.NotEqual(CommonReasons.EngineError, result.Sanctions.ReasonCodes.FirstOrDefault());
        }
    }
}
