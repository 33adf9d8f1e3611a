using Ekyc.Verification.Screening.Matching;

namespace Ekyc.Verification.Screening.Evaluation;

/// <summary>
/// Scores the labelled name pairs of nomenklatura's name benchmark (<c>name1,name2,is_match,schema</c>) and
/// counts a pair as predicted to match when its name score reaches the threshold.
/// </summary>
public static class NamePairEvaluation
{
    public sealed record PairResult(string Schema, string Name1, string Name2, bool Expected, double Score, string? Group);

    public sealed record Report(ConfusionCounts Overall, IReadOnlyDictionary<string, ConfusionCounts> BySchema, IReadOnlyList<PairResult> Pairs);

    public static Report Run(string casesPath, TokenWeights weights, double threshold)
    {
        var results = new List<PairResult>();
        foreach (var row in BenchmarkCsv.Read(casesPath))
        {
            var schema = row.GetValueOrDefault("schema") ?? "Person";
            var organization = schema != "Person";
            var a = NameNormalizer.Normalize(row["name1"], organization);
            var b = NameNormalizer.Normalize(row["name2"], organization);
            var score = NameScorer.Score(a, b, weights).Score;
            results.Add(new PairResult(schema, row["name1"], row["name2"], bool.Parse(row["is_match"]), score, row.GetValueOrDefault("case_group")));
        }
        var overall = results.Aggregate(ConfusionCounts.Empty, (c, r) => c.Add(r.Expected, r.Score >= threshold));
        var bySchema = results.GroupBy(r => r.Schema).ToDictionary(g => g.Key,
            g => g.Aggregate(ConfusionCounts.Empty, (c, r) => c.Add(r.Expected, r.Score >= threshold)));
        return new Report(overall, bySchema, results);
    }
}
