namespace Ekyc.Core.Checks;

/// <summary>
/// Outcome of one check: <c>pass</c>/<c>fail</c>/<c>review</c> for document and face checks,
/// <c>clear</c>/<c>hit</c>/<c>review</c> for screening, <c>not_run</c> when it did not run.
/// </summary>
public enum CheckStatus
{
    Pass,
    Fail,
    Review,
    Clear,
    Hit,
    NotRun,
}

public static class CheckStatusNames
{
    public static string ToWire(this CheckStatus status) => status switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Fail => "fail",
        CheckStatus.Review => "review",
        CheckStatus.Clear => "clear",
        CheckStatus.Hit => "hit",
        CheckStatus.NotRun => "not_run",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static CheckStatus Parse(string name) => name switch
    {
        "pass" => CheckStatus.Pass,
        "fail" => CheckStatus.Fail,
        "review" => CheckStatus.Review,
        "clear" => CheckStatus.Clear,
        "hit" => CheckStatus.Hit,
        "not_run" => CheckStatus.NotRun,
        _ => throw new FormatException($"Unknown check status '{name}'."),
    };
}
