namespace Ekyc.Verification.Faces.Calibration;

/// <summary>The similarity of one pair of labelled faces.</summary>
public sealed record CalibrationPair(string A, string B, string Kind, double Similarity)
{
    public const string GenuineCrossPhoto = "genuine_cross_photo";
    public const string GenuineSameSession = "genuine_same_session";
    public const string Impostor = "impostor";

    public bool Genuine => Kind != Impostor;
}

/// <summary>Errors at one threshold: impostors accepted (FAR) and genuine pairs rejected (FRR).</summary>
public sealed record ThresholdRow(double Threshold, int FalseAccepts, double FalseAcceptRate, int FalseRejects, double FalseRejectRate);

/// <summary>Summary of a distribution of similarities.</summary>
public sealed record Distribution(int Count, double Min, double P05, double Median, double P95, double Max)
{
    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return new Distribution(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double At(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
        return new Distribution(sorted.Length, sorted[0], At(0.05), At(0.5), At(0.95), sorted[^1]);
    }
}

/// <summary>Genuine and impostor similarity distributions and the error rates per threshold.</summary>
public sealed record CalibrationReport(
    int Faces,
    IReadOnlyList<string> Problems,
    IReadOnlyDictionary<string, Distribution> Distributions,
    IReadOnlyList<ThresholdRow> Rows,
    IReadOnlyList<CalibrationPair> Pairs);
