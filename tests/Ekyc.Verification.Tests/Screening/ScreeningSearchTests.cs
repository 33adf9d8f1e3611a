using Ekyc.Verification.Screening;
using Ekyc.Verification.Screening.Matching;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Tests.Screening;

[Collection(ReferenceIndexCollection.Name)]
public sealed class ScreeningSearchTests(ReferenceIndexFixture fixture)
{
    [Fact]
    public void Exact_name_and_birth_date_is_a_hit_with_an_explanation()
    {
        var match = fixture.Service.Search(new ScreeningQuery("Saddam Hussein al-Tikriti", new BirthDate(1937, 4, 28), "IRQ"))
            .Single(m => m.Entity.ListName == "un");

        Assert.Equal("IQi.001", match.Entity.Id);
        Assert.Equal("un", match.Entity.ListName);
        Assert.Equal(DobVerdict.Match, match.Dob);
        Assert.Equal(NationalityVerdict.Match, match.Nationality);
        Assert.True(match.Score >= fixture.Options.HitThreshold);
        Assert.All(match.Alignment, a => Assert.Equal(TokenMatchKind.Exact, a.Kind));
    }

    [Fact]
    public void Birth_date_conflict_demotes_an_exact_name_below_review()
    {
        var withoutDob = fixture.Service.Search(new ScreeningQuery("Saddam Hussein al-Tikriti"));
        var conflicting = fixture.Service.Search(new ScreeningQuery("Saddam Hussein al-Tikriti", new BirthDate(1990, 1, 1)));

        Assert.Contains(withoutDob, m => m.Entity.Id == "IQi.001" && m.NameScore == 1.0);
        Assert.DoesNotContain(conflicting, m => m.Entity.Id == "IQi.001");
        var below = fixture.Service.Search(new ScreeningQuery("Saddam Hussein al-Tikriti", new BirthDate(1990, 1, 1), MinScore: 0));
        var demoted = Assert.Single(below, m => m.Entity.Id == "IQi.001");
        Assert.Equal(DobVerdict.Conflict, demoted.Dob);
        Assert.True(demoted.Score < fixture.Options.ReviewThreshold);
    }

    [Fact]
    public void Birth_date_is_judged_at_the_lists_precision()
    {
        BirthDate[] yearOnly = [new(1971)];
        Assert.Equal(DobVerdict.Match, DobComparer.Compare(new BirthDate(1971, 12, 31), yearOnly));
        Assert.Equal(DobVerdict.Near, DobComparer.Compare(new BirthDate(1972, 1, 1), yearOnly));
        Assert.Equal(DobVerdict.Conflict, DobComparer.Compare(new BirthDate(1975, 1, 1), yearOnly));
        Assert.Equal(DobVerdict.Match, DobComparer.Compare(new BirthDate(1968), [new BirthDate(1967, ToYear: 1969)]));
        Assert.Equal(DobVerdict.Match, DobComparer.Compare(new BirthDate(1962), [new BirthDate(1960, Approximate: true)]));
        Assert.Equal(DobVerdict.Near, DobComparer.Compare(new BirthDate(1975, 3, 4), [new BirthDate(1975, 4, 3)]));
        Assert.Equal(DobVerdict.DayConflict, DobComparer.Compare(new BirthDate(1975, 3, 4), [new BirthDate(1975, 9, 20)]));
        Assert.Equal(DobVerdict.Unknown, DobComparer.Compare(null, yearOnly));
    }

    [Fact]
    public void Typos_and_reordering_still_find_the_listed_person()
    {
        var matches = fixture.Service.Search(new ScreeningQuery("ZAWAHIRI, Aiman Mohammed Rabi", new BirthDate(1951, 6, 19)));

        Assert.Contains(matches, m => m.Entity.Id == "2676" && m.Entity.ListName == "ofac-sdn");
    }

    [Fact]
    public void A_name_in_original_script_matches_the_listed_original_script()
    {
        var matches = fixture.Service.Search(new ScreeningQuery("صدام حسين التكريتي"));

        Assert.Contains(matches, m => m.Entity.Id == "IQi.001" && m.MatchedNameKind == NameKind.OriginalScript);
    }

    [Fact]
    public void Weak_aliases_match_only_exactly()
    {
        var weak = fixture.Service.Index.Lists.SelectMany(l => l.Entities)
            .Where(e => e.Kind == EntityKind.Person)
            .SelectMany(e => e.Names.Where(n => n.Kind == NameKind.WeakAlias && n.Value.Split(' ').Length == 2).Select(n => (e, n)))
            .First(p => NameNormalizer.Normalize(p.n.Value).Tokens.All(t => t.Length >= 6));
        var exact = fixture.Service.Search(new ScreeningQuery(weak.n.Value, MinScore: 0.5, Limit: 100));
        var typo = fixture.Service.Search(new ScreeningQuery(weak.n.Value + "x", MinScore: 0.5, Limit: 100));

        Assert.Contains(exact, m => m.Entity.Id == weak.e.Id && m.MatchedNameKind == NameKind.WeakAlias);
        Assert.DoesNotContain(typo, m => m.Entity.Id == weak.e.Id && m.MatchedNameKind == NameKind.WeakAlias);
    }

    [Fact]
    public void Persons_are_not_matched_against_companies_or_vessels()
    {
        var matches = fixture.Service.Search(new ScreeningQuery("Banco Nacional de Cuba", MinScore: 0.5));
        var asOrganisation = fixture.Service.Search(new ScreeningQuery("Banco Nacional de Cuba", Kind: EntityKind.Organization));

        Assert.DoesNotContain(matches, m => m.Entity.Kind is EntityKind.Organization or EntityKind.Vessel);
        Assert.Contains(asOrganisation, m => m.Entity.Id == "306");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("x")]
    [InlineData("!!!")]
    [InlineData("Muhammad")]
    public void Empty_tiny_or_single_common_names_raise_no_alert(string name)
    {
        Assert.Empty(fixture.Service.Search(new ScreeningQuery(name)));
    }

    [Fact]
    public void Typos_within_each_tokens_budget_still_find_the_listed_person()
    {
        // One edit in each token, within every budget (five and six letters: one edit; seven: two).
        var matches = fixture.Service.Search(new ScreeningQuery("Sadam Husein al-Tikrti"));

        Assert.Contains(matches, m => m.Entity.Id == "IQi.001");
    }

    [Fact]
    public void Results_come_best_first_with_the_listed_name_on_top()
    {
        var matches = fixture.Service.Search(new ScreeningQuery("Ayman al-Zawahiri", MinScore: 0));

        Assert.True(matches.Count > 1);
        Assert.Equal(matches.Select(m => m.Score).OrderDescending(), matches.Select(m => m.Score));
        Assert.Contains("zawahiri", matches[0].MatchedName, StringComparison.OrdinalIgnoreCase);
    }
}
