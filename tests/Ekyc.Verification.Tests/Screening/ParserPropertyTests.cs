using Ekyc.Verification.Screening.Matching;
using Ekyc.Verification.Screening.Model;
using FsCheck.Xunit;

namespace Ekyc.Verification.Tests.Screening;

public sealed class ParserPropertyTests
{
    [Property(MaxTest = 500)]
    public bool Any_string_normalises_to_ascii_tokens(string? name)
    {
        var normalized = NameNormalizer.Normalize(name);
        return normalized.Tokens.All(t => t.Length > 0 && t.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '&'));
    }

    [Property(MaxTest = 500)]
    public bool Any_pair_of_names_scores_between_zero_and_one(string? a, string? b)
    {
        var score = NameScorer.Score(NameNormalizer.Normalize(a), NameNormalizer.Normalize(b), TokenWeights.Uniform).Score;
        return score is >= 0 and <= 1;
    }

    [Property(MaxTest = 500)]
    public bool Any_string_parses_to_a_plausible_date_or_nothing(string? text)
    {
        var date = BirthDate.ParseIso(text);
        return date is null || (BirthDate.IsPlausibleYear(date.Year) && date.Month is null or (>= 1 and <= 12));
    }

    [Property(MaxTest = 300)]
    public bool Valid_dates_round_trip(DateTime value)
    {
        var year = 1850 + value.Year % 250;
        var date = new DateOnly(year, value.Month, Math.Min(value.Day, DateTime.DaysInMonth(year, value.Month)));
        return BirthDate.ParseIso(date.ToString("yyyy-MM-dd")) == new BirthDate(date.Year, date.Month, date.Day);
    }
}
