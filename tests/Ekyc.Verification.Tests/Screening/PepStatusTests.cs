using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Verification.Screening;
using Ekyc.Verification.Screening.Lists;
using Ekyc.Verification.Screening.Model;
using Ekyc.Verification.Screening.Pep;

namespace Ekyc.Verification.Tests.Screening;

/// <summary>How long a former office holder stays a PEP, and how a PEP match explains itself.</summary>
public sealed class PepStatusTests
{
    private static readonly ScreeningOptions Options = new();
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static ScreeningEntity Person(string name, params PepPosition[] positions) => new()
    {
        Id = name.Replace(' ', '-'),
        ListName = "pep",
        Kind = EntityKind.Person,
        Names = [new EntityName(name, NameKind.Primary)],
        BirthDates = [new BirthDate(1950, 3, 14)],
        Nationalities = ["us"],
        Topics = [EntityTopics.Pep],
        Positions = positions,
    };

    private static PepPosition Office(string title, DateOnly? start, DateOnly? end, PositionStatus status = PositionStatus.Current, bool head = false) =>
        new() { Title = title, Country = "us", Start = start, End = end, Status = status, HeadOfState = head };

    [Fact]
    public void An_office_held_today_is_current_even_with_a_scheduled_end()
    {
        var status = PepStatus.Assess(Person("Ann Ray", Office("Senator", new(2021, 1, 3), new(2027, 1, 3))), Today, Options);

        Assert.Equal(PepState.Current, status.State);
        Assert.Equal("In office: Senator (US), since 2021-01-03 (term ends 2027-01-03).", status.Explain(Person("Ann Ray", Office("Senator", new(2021, 1, 3), new(2027, 1, 3))).Positions));
    }

    [Fact]
    public void A_minister_who_left_within_the_period_is_a_former_pep_and_after_it_is_not()
    {
        var recent = Person("Ann Ray", Office("Minister of Finance", new(2018, 1, 1), new(2022, 6, 30)));
        var longAgo = Person("Ann Ray", Office("Minister of Finance", new(2010, 1, 1), new(2021, 6, 30)));

        var former = PepStatus.Assess(recent, Today, Options);
        Assert.Equal(PepState.Former, former.State);
        Assert.Equal(new DateOnly(2022, 6, 30), former.LeftOffice);
        Assert.Equal(5, former.PeriodYears);
        Assert.Contains("left office 2022-06-30, a PEP until 2027-06-30 (5 years after leaving office, Ekyc:Screening:PepFormerYears)", former.Explain(recent.Positions));
        Assert.Equal(PepState.Expired, PepStatus.Assess(longAgo, Today, Options).State);
        Assert.Equal(PepState.Former, PepStatus.Assess(longAgo, Today, Options with { PepFormerYears = 10 }).State);
    }

    [Fact]
    public void A_head_of_state_stays_a_pep_for_the_longer_period_counted_from_the_latest_known_end()
    {
        var president = Person("Bo Lee",
            Office("Senator", null, null, PositionStatus.Ended),
            Office("President", new(2009, 1, 20), new(2017, 1, 20), head: true));

        var status = PepStatus.Assess(president, Today, Options);

        Assert.Equal(PepState.Former, status.State);
        Assert.Equal(new DateOnly(2017, 1, 20), status.LeftOffice);
        Assert.Equal(20, status.PeriodYears);
        Assert.Contains("Ekyc:Screening:PepFormerYearsHeadOfState", status.Explain(president.Positions));
        Assert.Equal(PepState.Expired, PepStatus.Assess(president, Today, Options with { PepFormerYearsHeadOfState = 9 }).State);
    }

    [Fact]
    public void A_former_office_holder_with_no_end_date_stays_a_pep_and_an_undated_politician_is_unknown()
    {
        var former = Person("Cy Fox", Office("Member of the US House of Representatives", null, null, PositionStatus.Ended));
        var described = Person("Di Gale", Office("German politician", null, null, PositionStatus.Unknown) with { AsOf = new DateOnly(2017, 8, 9) });

        var status = PepStatus.Assess(former, Today, Options);
        Assert.Equal(PepState.Former, status.State);
        Assert.Null(status.LeftOffice);
        Assert.Contains("left office on a date the list does not give", status.Explain(former.Positions));
        var unknown = PepStatus.Assess(described, Today, Options);
        Assert.Equal(PepState.Unknown, unknown.State);
        Assert.Equal("Politician; whether in office is not stated: German politician (US), as of 2017-08-09.", unknown.Explain(described.Positions));
    }

    [Fact]
    public void Search_drops_a_pep_whose_period_is_over_and_marks_a_former_one()
    {
        var index = Index(
            Person("Evander Quillfeather", Office("Governor of Utah", new(2001, 1, 1), new(2009, 1, 1))),
            Person("Evander Quillfeather Junior", Office("Governor of Idaho", new(2015, 1, 1), new(2023, 1, 1))));

        var matches = index.Search(new ScreeningQuery("Evander Quillfeather", AsOf: Today), Options);

        var match = Assert.Single(matches);
        Assert.Equal("Evander-Quillfeather-Junior", match.Entity.Id);
        Assert.True(match.Pep!.Former);
        Assert.Equal(2, index.Search(new ScreeningQuery("Evander Quillfeather", AsOf: new DateOnly(2012, 1, 1)), Options).Count);
    }

    [Fact]
    public void A_former_president_is_a_pep_hit_whose_evidence_gives_office_country_and_dates()
    {
        var service = new ScreeningService(Options);
        service.Swap(Index(Person("Bo Evander Lee",
            Office("Senator", null, null, PositionStatus.Ended),
            Office("President of the United States", new(2021, 1, 20), new(2025, 1, 20), head: true))));
        var verifier = new ScreeningVerifier(service, Options);

        var result = verifier.Screen(new ScreeningSubject("BO EVANDER LEE", new DateOnly(1950, 3, 14), "USA"), default);

        Assert.Equal(CheckStatus.Hit, result.Pep.Status);
        Assert.Contains(ScreeningReasons.PepFormer, result.Pep.ReasonCodes);
        Assert.Equal(CheckStatus.NotRun, result.Sanctions.Status);
        var match = Assert.Single(Assert.IsAssignableFrom<IEnumerable<MatchEvidence>>(result.Pep.Evidence["matches"]));
        var pep = Assert.IsType<PepEvidence>(match.Pep);
        Assert.Equal("former", pep.Status);
        Assert.True(pep.Former);
        Assert.Equal("2025-01-20", pep.LeftOffice);
        Assert.Equal(20, pep.PeriodYears);
        var president = Assert.Single(pep.Positions, p => p.Title == "President of the United States");
        Assert.Equal(("us", "2021-01-20", "2025-01-20", false), (president.Country, president.Start, president.End, president.Held));
        Assert.StartsWith("Former office holder: President of the United States (US), 2021-01-20 to 2025-01-20; Senator (US)", pep.Explanation);
    }

    private static ScreeningIndex Index(params ScreeningEntity[] entities)
    {
        var manifest = new ListManifest { Name = "pep", Format = "ekyc-jsonl", Files = ["pep.jsonl.gz"], EntityCount = entities.Length, LoadedAt = DateTimeOffset.UnixEpoch, Sha256 = "00" };
        return ScreeningIndex.Build([new LoadedList(manifest, entities)]);
    }
}
