namespace Ekyc.Verification.Documents;

/// <summary>
/// One authenticity signal: a stable <paramref name="Code"/>, its status (<c>pass</c>, <c>fail</c>, <c>review</c>,
/// <c>not_run</c>), the measured value and the threshold it was held against, and the reason code when not passed.
/// </summary>
public sealed record DocumentSignal(string Code, string Status, object? Value = null, object? Threshold = null, string? Reason = null)
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string Review = "review";
    public const string NotRun = "not_run";

    public static DocumentSignal Passed(string code, object? value = null, object? threshold = null) => new(code, Pass, value, threshold);

    public static DocumentSignal Failed(string code, string reason, object? value = null, object? threshold = null) =>
        new(code, Fail, value, threshold, reason);

    public static DocumentSignal ToReview(string code, string reason, object? value = null, object? threshold = null) =>
        new(code, Review, value, threshold, reason);

    public static DocumentSignal Skipped(string code, string reason, object? value = null) => new(code, NotRun, value, Reason: reason);
}
