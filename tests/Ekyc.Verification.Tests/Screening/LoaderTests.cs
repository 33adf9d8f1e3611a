using Ekyc.Verification.Screening.Loaders;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Tests.Screening;

public sealed class LoaderTests
{
    [Fact]
    public void Ofac_sdn_counts_match_the_data_readme()
    {
        var entities = ListLoader.Load(SanctionsData.File("ofac_sdn_2021/sdn.csv"), ListFormat.OfacCsv, "ofac-sdn");

        Assert.Equal(8976, entities.Count);
        Assert.Equal(4620, entities.Count(e => e.Kind == EntityKind.Person));
        Assert.Equal(406, entities.Count(e => e.Kind == EntityKind.Vessel));
        Assert.Equal(277, entities.Count(e => e.Kind == EntityKind.Aircraft));
        Assert.Equal(11910, entities.Sum(e => e.Names.Count(n => n.Kind is NameKind.StrongAlias or NameKind.Former)));
        Assert.Equal(369, entities.Sum(e => e.Names.Count(n => n.Kind == NameKind.Former)));
        Assert.Equal(4428, entities.Count(e => e.BirthDates.Count > 0));
        Assert.All(entities, e => Assert.Contains(EntityTopics.Sanction, e.Topics));
    }

    [Fact]
    public void Ofac_remarks_yield_weak_aliases_birth_dates_and_nationalities()
    {
        var entities = ListLoader.Load(SanctionsData.File("ofac_sdn_2021/sdn.csv"), ListFormat.OfacCsv, "ofac-sdn").ToDictionary(e => e.Id);

        Assert.Contains(entities["306"].Names, n => n is { Value: "BNC", Kind: NameKind.WeakAlias });
        var zawahiri = entities["2676"];
        Assert.Equal(new BirthDate(1951, 6, 19), Assert.Single(zawahiri.BirthDates));
        Assert.Contains("AL ZAWAHIRI, Dr. Ayman", zawahiri.Names.Select(n => n.Value));
        Assert.Contains(entities.Values, e => e.Nationalities.Contains("sy"));
        Assert.Contains(entities.Values, e => e.BirthDates.Any(d => d.Approximate));
        Assert.Contains(entities.Values, e => e.BirthDates.Any(d => d.ToYear is not null));
    }

    [Fact]
    public void Ofac_non_sdn_counts_match_the_data_readme()
    {
        var entities = ListLoader.Load(SanctionsData.File("ofac_cons_nonsdn/cons_prim.csv"), ListFormat.OfacCsv, "ofac-nonsdn");

        Assert.Equal(442, entities.Count);
        Assert.Equal(79, entities.Count(e => e.Kind == EntityKind.Person));
        // The data README counts 75 rows containing "DOB"; one of them is the SWIFT code DOBAATWW, not a birth date.
        Assert.Equal(74, entities.Count(e => e.BirthDates.Count > 0));
        Assert.Equal(1073, entities.Sum(e => e.Names.Count(n => n.Kind is NameKind.StrongAlias or NameKind.Former)));
    }

    [Fact]
    public void Un_xml_counts_scripts_alias_quality_and_date_types()
    {
        var entities = ListLoader.Load(SanctionsData.File("un/UN_consolidated.xml"), ListFormat.UnXml, "un");

        Assert.Equal(730, entities.Count(e => e.Kind == EntityKind.Person));
        Assert.Equal(273, entities.Count(e => e.Kind == EntityKind.Organization));
        Assert.Equal(378, entities.Sum(e => e.Names.Count(n => n.Kind == NameKind.OriginalScript)));
        Assert.Equal(615, entities.Sum(e => e.Names.Count(n => n.Kind == NameKind.WeakAlias)));
        var saddam = entities.Single(e => e.Id == "IQi.001");
        Assert.Equal("SADDAM HUSSEIN AL-TIKRITI", saddam.PrimaryName);
        Assert.Contains(saddam.Names, n => n is { Value: "صدام حسين التكريتي", Kind: NameKind.OriginalScript });
        Assert.Equal(31, entities.Sum(e => e.BirthDates.Count(d => d.ToYear is not null)));
        Assert.Contains(entities, e => e.BirthDates.Any(d => d.Approximate));
        Assert.Contains(entities, e => e.Nationalities.Contains("af"));
    }

    [Fact]
    public void Us_csl_reads_every_row_with_kinds_and_dates()
    {
        var entities = ListLoader.Load(SanctionsData.File("us_csl/csl_sample.csv"), ListFormat.UsCsl, "us-csl");

        Assert.Equal(115, entities.Count);
        Assert.Equal(20, entities.Count(e => e.Kind == EntityKind.Person));
        Assert.Equal(46, entities.Count(e => e.Kind == EntityKind.Organization));
        Assert.Equal(47, entities.Count(e => e.Kind == EntityKind.Unknown));
        var naser = entities.Single(e => e.Id == "9696");
        Assert.Contains(naser.Names, n => n is { Value: "ABDEL JAWAD, Nasir Abdullah Odeh", Kind: NameKind.StrongAlias });
        Assert.Equal(new BirthDate(1965), Assert.Single(naser.BirthDates));
    }

    [Fact]
    public void Senzing_pep_file_gives_persons_with_the_pep_topic()
    {
        var entities = ListLoader.Load(SanctionsData.File("opensanctions/us_congress_pep.senzing.jsonl"), ListFormat.Senzing, "us-congress-pep");

        Assert.Equal(1317, entities.Count);
        Assert.All(entities, e => Assert.True(e.IsPep && e.Kind == EntityKind.Person));
        var mcclellan = entities.Single(e => e.Id == "NK-AQ4HymsADSK2D63MkyTqfC");
        Assert.Equal("Jennifer L. McClellan", mcclellan.PrimaryName);
        Assert.Equal(new BirthDate(1972), Assert.Single(mcclellan.BirthDates));
        Assert.Equal(["us"], mcclellan.Nationalities);
        Assert.Equal(33, entities.Sum(e => e.Names.Count(n => n.Kind == NameKind.StrongAlias)));
    }

    [Theory]
    [InlineData("opensanctions/zala_sample.ftm.json", 6, 11)]
    [InlineData("opensanctions/t1_sample.ftm.json", 4, 2)]
    public void Ftm_keeps_persons_and_organisations_only(string file, int persons, int organisations)
    {
        var entities = ListLoader.Load(SanctionsData.File(file), ListFormat.Ftm, "ftm");

        Assert.Equal(persons, entities.Count(e => e.Kind == EntityKind.Person));
        Assert.Equal(organisations, entities.Count(e => e.Kind == EntityKind.Organization));
        Assert.Equal(persons + organisations, entities.Count);
    }

    [Fact]
    public void Ftm_marks_non_latin_names_as_original_script()
    {
        var entities = ListLoader.Load(SanctionsData.File("opensanctions/zala_sample.ftm.json"), ListFormat.Ftm, "zala");
        var osetrova = entities.Single(e => e.Id == "NK-2Tbri3s6GgNtAwsSXh4qpL");

        Assert.Contains(osetrova.Names, n => n is { Value: "Мария Александровна Осетрова", Kind: NameKind.OriginalScript });
        Assert.Equal(new BirthDate(1988, 1, 7), Assert.Single(osetrova.BirthDates));
        Assert.True(osetrova.IsSanctioned);
    }
}
