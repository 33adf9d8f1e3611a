namespace Ekyc.Verification.Screening.Evaluation;

/// <summary>True/false positives and negatives with the rates a compliance team reads.</summary>
public sealed record ConfusionCounts(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    public int Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    /// <summary>Share of true non-matches that raised an alert.</summary>
    public double FalseAlertRate => FalsePositives + TrueNegatives == 0 ? 0 : (double)FalsePositives / (FalsePositives + TrueNegatives);

    public ConfusionCounts Add(bool expected, bool predicted) => (expected, predicted) switch
    {
        (true, true) => this with { TruePositives = TruePositives + 1 },
        (true, false) => this with { FalseNegatives = FalseNegatives + 1 },
        (false, true) => this with { FalsePositives = FalsePositives + 1 },
        _ => this with { TrueNegatives = TrueNegatives + 1 },
    };

    public static ConfusionCounts Empty { get; } = new(0, 0, 0, 0);
}
