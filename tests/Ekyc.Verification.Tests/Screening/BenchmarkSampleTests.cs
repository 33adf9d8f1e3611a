using Ekyc.Verification.Screening;
using Ekyc.Verification.Screening.Evaluation;

namespace Ekyc.Verification.Tests.Screening;

/// <summary>Known positives and negatives from the labelled benchmarks (samples in tests/data/sanctions/benchmarks).</summary>
[Collection(ReferenceIndexCollection.Name)]
public sealed class BenchmarkSampleTests(ReferenceIndexFixture fixture)
{
    [Fact]
    public void Name_pairs_beat_the_logic_v2_reference_run()
    {
        var report = NamePairEvaluation.Run(SanctionsData.File("benchmarks/nomenklatura_name_bench_cases.csv"), fixture.Service.Index.Weights, fixture.Options.ReviewThreshold);

        Assert.Equal(826, report.Overall.Total);
        Assert.True(report.Overall.Precision > 0.762, $"precision {report.Overall.Precision:F3}");
        Assert.True(report.Overall.Recall > 0.821, $"recall {report.Overall.Recall:F3}");
    }

    [Fact]
    public void Typo_treated_un_positives_are_found_on_the_un_list()
    {
        var report = QueryFileEvaluation.Run(SanctionsData.File("benchmarks/yente_positives_un_treated_sample.csv"), fixture.Service, m => m.Entity.ListName == "un");

        Assert.Equal(40, report.Queries);
        Assert.True(report.AlertsOnExpectedList >= 39, $"{report.AlertsOnExpectedList} of 40 found");
    }

    [Fact]
    public void Synthetic_negatives_raise_almost_no_alerts()
    {
        var report = QueryFileEvaluation.Run(SanctionsData.File("benchmarks/yente_negatives_global_sample.csv"), fixture.Service);

        Assert.Equal(200, report.Queries);
        Assert.True(report.Alerts <= 2, $"{report.Alerts} alerts on 200 negatives");
    }

    [Fact]
    public void Cross_script_pairs_of_arabic_and_cyrillic_score_as_matches()
    {
        var rows = File.ReadLines(SanctionsData.File("benchmarks/watchman_cross_script_pairs.csv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(','))
            .Where(p => p[0].Any(c => c is >= '\u0600' and <= '\u06FF' or >= '\u0400' and <= '\u04FF'))
            .ToList();
        var scores = rows.Select(p => Verification.Screening.Matching.NameScorer.Score(
            Verification.Screening.Matching.NameNormalizer.Normalize(p[0]), Verification.Screening.Matching.NameNormalizer.Normalize(p[1]), fixture.Service.Index.Weights).Score).ToList();

        Assert.NotEmpty(rows);
        Assert.True(scores.Count(s => s >= fixture.Options.ReviewThreshold) * 2 >= rows.Count, string.Join(", ", rows.Zip(scores).Select(p => $"{p.First[0]}→{p.First[1]}: {p.Second:F2}")));
    }
}
