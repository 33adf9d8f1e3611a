using System.Security.Cryptography;
using System.Text.Json;
using Ekyc.Verification.Screening.Loaders;
using Ekyc.Verification.Screening.Model;
using Ekyc.Verification.Screening.Pep;
using Ekyc.Verification.Screening.Pep.Sources;

namespace Ekyc.Verification.Tests.Screening;

/// <summary>The PEP list converter on excerpts of its five sources: what each source gives, how records merge, and that it is reproducible.</summary>
public sealed class PepListTests
{
    private static readonly IReadOnlyList<ScreeningEntity> Entities = PepListBuilder.Build(PepData.Root).Entities;

    private static ScreeningEntity Entity(string id) => Assert.Single(Entities, e => e.Id == id);

    [Fact]
    public void Every_source_is_read()
    {
        var result = PepListBuilder.Build(PepData.Root);

        Assert.Equal(["cia-world-leaders", "uk-ifg-ministers", "us-congress-legislators", "us-openstates-state-executives", "wikidata-politicians-captainfact"],
            result.RecordsBySource.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.RecordsBySource.Values, count => Assert.True(count > 0));
        Assert.All(Entities, e => Assert.Equal([EntityTopics.Pep], e.Topics));
        Assert.Equal(Entities.Select(e => e.Id).Order(StringComparer.Ordinal), Entities.Select(e => e.Id));
    }

    [Fact]
    public void A_president_has_dated_terms_merged_with_the_congress_record_of_the_same_bioguide_id()
    {
        var biden = Entity("us-bioguide-B000444");

        Assert.Equal("Joseph Robinette Biden Jr.", biden.PrimaryName);
        Assert.Contains(biden.Names, n => n.Value == "Joe Biden");
        Assert.Equal([new BirthDate(1942, 11, 20)], biden.BirthDates);
        Assert.Equal(["us"], biden.Nationalities);
        var president = Assert.Single(biden.Positions, p => p.Title == "President of the United States");
        Assert.Equal((new DateOnly(2021, 1, 20), new DateOnly(2025, 1, 20)), (president.Start!.Value, president.End!.Value));
        Assert.True(president.HeadOfState);
        // Two vice-presidential terms back to back are one office.
        var vice = Assert.Single(biden.Positions, p => p.Title == "Vice President of the United States");
        Assert.Equal((new DateOnly(2009, 1, 20), new DateOnly(2017, 1, 20)), (vice.Start!.Value, vice.End!.Value));
        var senator = Assert.Single(biden.Positions, p => p.Title == "United States Senator for Delaware");
        Assert.Equal(PositionStatus.Ended, senator.Status);
        Assert.Null(senator.End);
    }

    [Fact]
    public void Sitting_members_have_their_terms_and_leadership_roles()
    {
        var cantwell = Entity("us-bioguide-C000127");

        var seat = Assert.Single(cantwell.Positions, p => p.Title == "United States Senator for Washington");
        Assert.Equal(new DateOnly(2001, 1, 3), seat.Start);
        Assert.True(seat.End > new DateOnly(2026, 6, 15));
        Assert.Contains(cantwell.Positions, p => p.Title == "Member of the US House of Representatives for Washington, district 1" && p.Status == PositionStatus.Ended);
        var mcclain = Entity("us-bioguide-M001136");
        Assert.Contains(mcclain.Positions, p => p.Title == "House Republican Conference Chair (US House of Representatives)" && p.Start == new DateOnly(2025, 1, 3) && p.End is null);
    }

    [Fact]
    public void Former_members_born_before_1916_are_left_out()
    {
        Assert.DoesNotContain(Entities, e => e.Id == "us-bioguide-B000226");
        Assert.Contains(Entities, e => e.Id == "us-bioguide-R000508");
    }

    [Fact]
    public void A_president_without_a_bioguide_id_is_kept_under_his_govtrack_id()
    {
        Assert.Contains(Entities, e => e.Id.StartsWith("us-govtrack-", StringComparison.Ordinal) && e.PrimaryName.Contains("Taylor", StringComparison.Ordinal));
    }

    [Fact]
    public void A_state_governor_has_his_executive_office_only_and_other_names_are_weak()
    {
        var dunleavy = Entity("ocd-person-80f0f5f8-976d-427b-b980-ce3a23a23e84");

        var office = Assert.Single(dunleavy.Positions);
        Assert.Equal("Governor of Alaska", office.Title);
        Assert.Equal(new DateOnly(2018, 12, 3), office.Start);
        Assert.Equal([new BirthDate(1961, 5, 5)], dunleavy.BirthDates);
        var rayfield = Assert.Single(Entities, e => e.PrimaryName == "Dan Rayfield");
        Assert.Contains(rayfield.Names, n => n.Value == "D. Rayfield" && n.Kind == NameKind.WeakAlias);
    }

    [Fact]
    public void A_uk_minister_keeps_a_former_name_and_every_post_with_its_department()
    {
        var mandelson = Entity("uk-ifg-002a6349-2ee5-44b0-9b33-000baae8c737");

        Assert.Equal("Lord Mandelson", mandelson.PrimaryName);
        Assert.Contains(mandelson.Names, n => n.Value == "Peter Mandelson" && n.Kind == NameKind.Former);
        Assert.Contains(mandelson.Positions, p => p.Title == "Minister without Portfolio, Cabinet Office"
            && p.Start == new DateOnly(1997, 5, 4) && p.End == new DateOnly(1998, 7, 27) && p.Country == "gb");
        var thatcher = Assert.Single(Entities, e => e.PrimaryName == "Margaret Thatcher");
        Assert.Contains(thatcher.Positions, p => p.Title == "Prime Minister" && p.HeadOfState && p.End == new DateOnly(1990, 11, 28));
    }

    [Fact]
    public void The_same_minister_in_the_ifg_and_cia_lists_is_one_entity()
    {
        var starmer = Assert.Single(Entities, e => e.Names.Any(n => n.Value.Equals("Keir Starmer", StringComparison.OrdinalIgnoreCase)));

        Assert.Equal(["uk-ifg-ministers", "cia-world-leaders"], starmer.Programs);
        Assert.Contains(starmer.Positions, p => p.Title == "Prime Minister" && p.Start == new DateOnly(2024, 7, 5));
        Assert.Contains(starmer.Positions, p => p.Title == "Prime Minister, First Lord of the Treasury" && p.Status == PositionStatus.Current && p.AsOf is not null);
    }

    [Fact]
    public void Cia_titles_are_spelled_out_acting_goes_to_the_title_and_vacant_posts_are_skipped()
    {
        var hassan = Assert.Single(Entities, e => e.PrimaryName == "Mohammad HASSAN Akhund");

        Assert.Equal("Prime Minister (acting)", Assert.Single(hassan.Positions).Title);
        Assert.Equal(["af"], hassan.Nationalities);
        Assert.Equal(new DateOnly(2026, 2, 2), hassan.Positions[0].AsOf);
        Assert.DoesNotContain(Entities, e => e.Names.Any(n => n.Value.Equals("vacant", StringComparison.OrdinalIgnoreCase)));
        var lai = Assert.Single(Entities, e => e.PrimaryName == "LAI Ching-te");
        Assert.Contains(lai.Names, n => n.Value == "William LAI");
        Assert.Equal(["tw"], lai.Nationalities);
    }

    [Fact]
    public void A_wikidata_politician_adds_a_birth_date_to_the_cia_record_and_stands_alone_otherwise()
    {
        var tusk = Assert.Single(Entities, e => e.PrimaryName == "Donald TUSK");
        Assert.Equal([new BirthDate(1957, 4, 22)], tusk.BirthDates);
        // The Wikidata description is not an office: the CIA's dated office replaces it.
        Assert.Equal("Prime Minister", Assert.Single(tusk.Positions).Title);

        var hollande = Entity("wikidata-Q157");
        var described = Assert.Single(hollande.Positions);
        Assert.Equal("24th President of the French Republic", described.Title);
        Assert.Equal(PositionStatus.Unknown, described.Status);

        var obama = Entity("us-bioguide-O000167");
        Assert.Contains("wikidata-politicians-2017", obama.Programs);
    }

    [Fact]
    public void Damaged_wikidata_lines_are_skipped_and_an_unquoted_comma_does_not_shift_the_columns()
    {
        // A stray quote; a garbled label (control characters).
        Assert.DoesNotContain(Entities, e => e.Id is "wikidata-Q15703367" or "wikidata-Q1062350");
        Assert.Contains(Entities, e => e.Id == "wikidata-Q1570443");
        var johnson = Entity("wikidata-Q970272");
        Assert.Equal("Ron Johnson", johnson.PrimaryName);
        Assert.Equal([new BirthDate(1955, 4, 8)], johnson.BirthDates);
        Assert.Equal("Republican U.S. Senator for Wisconsin, manufacturing businessman", Assert.Single(johnson.Positions).Title);
    }

    [Theory]
    [InlineData("Gerd Krämer (Hessen)", "Gerd Krämer")]
    [InlineData("Jean-Marc O'Neil", "Jean-Marc O'Neil")]
    [InlineData("习近平", "习近平")]
    [InlineData("Bülent Ar1nç", null)]
    [InlineData("4(iP", null)]
    [InlineData("*HCD C1E'F", null)]
    [InlineData("ĊİI", null)]
    [InlineData("Francisco Lou\uf1e3", null)]
    public void A_wikidata_label_is_a_name_only_when_it_looks_like_one(string label, string? expected)
    {
        Assert.Equal(expected, WikidataPoliticiansSource.PlausibleName(label));
    }

    [Fact]
    public void The_written_list_is_byte_identical_on_a_rebuild_and_loads_back_unchanged()
    {
        var first = Path.GetTempFileName();
        var second = Path.GetTempFileName();
        try
        {
            PepListWriter.Write(first, PepListBuilder.Build(PepData.Root).Entities);
            PepListWriter.Write(second, PepListBuilder.Build(PepData.Root).Entities);
            Assert.Equal(SHA256.HashData(File.ReadAllBytes(first)), SHA256.HashData(File.ReadAllBytes(second)));

            var loaded = ListLoader.Load(first, ListFormat.EkycJsonl, "pep");
            Assert.Equal(Entities.Select(Json), loaded.Select(Json));
        }
        finally
        {
            File.Delete(first);
            File.Delete(second);
        }
    }

    [Fact]
    public void An_operator_list_in_plain_ekyc_jsonl_loads_and_a_malformed_line_is_reported_with_its_number()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path,
            [
                """{"id":"p1","names":[{"name":"Jane Doe"}],"birth_dates":["1970-05"],"nationalities":["GBR"],"topics":["role.pep"],"positions":[{"title":"Mayor of X","country":"gb","start":"2020-05-01","status":"current"}]}""",
                "",
                """{"id":"p2","kind":"person","names":[{"name":"John Roe","kind":"weak_alias"}]}""",
            ]);
            var entities = ListLoader.Load(path, ListFormat.EkycJsonl, "mine");
            Assert.Equal(2, entities.Count);
            Assert.Equal((EntityKind.Person, "gb", new BirthDate(1970, 5)), (entities[0].Kind, entities[0].Nationalities[0], entities[0].BirthDates[0]));
            Assert.Equal(new DateOnly(2020, 5, 1), Assert.Single(entities[0].Positions).Start);
            Assert.True(entities[0].IsPep);
            Assert.Equal(NameKind.WeakAlias, entities[1].Names[0].Kind);

            File.AppendAllLines(path, ["""{"id":"p3","names":[{"name":"X","kind":"nickname"}]}"""]);
            var error = Assert.Throws<ListLoadException>(() => ListLoader.Load(path, ListFormat.EkycJsonl, "mine"));
            Assert.Equal(4, error.Line);
            File.WriteAllLines(path, ["""{"id":"p4","names":[]}"""]);
            Assert.Contains("has no name", Assert.Throws<ListLoadException>(() => ListLoader.Load(path, ListFormat.EkycJsonl, "mine")).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Json(ScreeningEntity entity) => JsonSerializer.Serialize(EkycJsonRecord.From(entity), EkycJsonRecord.Json);
}
