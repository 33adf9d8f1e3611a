using System.Diagnostics;
using Ekyc.Core.Checks;
using Ekyc.Core.Engines;
using Ekyc.Verification.Screening.Matching;
using Ekyc.Verification.Screening.Model;

namespace Ekyc.Verification.Screening;

/// <summary>
/// The screening engine behind <see cref="IScreeningVerifier"/>: screens the subject's name, date of birth and
/// nationality against the lists in service and reports <c>sanctions_screening</c> and <c>pep_screening</c>
/// separately, each <c>hit</c>, <c>review</c> or <c>clear</c> with every match explained. Never throws: unusable
/// input gives <c>review</c> with a reason, a missing list gives <c>not_run</c>.
/// </summary>
public sealed class ScreeningVerifier(ScreeningService service, ScreeningOptions options) : IScreeningVerifier
{
    public const string EngineVersion = "screening-1";

    /// <summary>An unusable name gives results with reasons; an engine failure throws.</summary>
    public ScreeningVerification Screen(ScreeningSubject subject, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ScreenCore(subject);
    }

    private ScreeningVerification ScreenCore(ScreeningSubject subject)
    {
        var index = service.Index;
        var version = $"{EngineVersion};{index.Version}";
        var watch = Stopwatch.StartNew();
        var name = NameNormalizer.Normalize(subject.FullName);
        var normalizeMs = watch.Elapsed.TotalMilliseconds;
        var unusable = name.IsEmpty ? ScreeningReasons.NameUnusable
            : name.Tokens.Sum(t => t.Length) < 2 ? ScreeningReasons.NameTooShort
            : null;
        if (unusable is not null)
        {
            var review = new CheckResult
            {
                Name = CheckNames.SanctionsScreening,
                Status = CheckStatus.Review,
                Confidence = 0,
                ReasonCodes = [unusable, CommonReasons.MissingInput],
                Version = version,
            };
            return new ScreeningVerification(Gate(review, index.HasSanctions, ScreeningReasons.NoSanctionsList),
                Gate(review with { Name = CheckNames.PepScreening }, index.HasPeps, ScreeningReasons.NoPepList));
        }
        var extraReasons = new List<string>();
        BirthDate? dob = null;
        if (subject.DateOfBirth is { } date)
        {
            // An impossible birth date (future, or over 130 years ago) is ignored rather than trusted as evidence.
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            if (date > today || date.Year < today.Year - 130)
            {
                extraReasons.Add(ScreeningReasons.DobImplausible);
            }
            else
            {
                dob = new BirthDate(date.Year, date.Month, date.Day);
            }
        }
        watch.Restart();
        var matches = index.Search(new ScreeningQuery(subject.FullName, dob, subject.Nationality, Limit: options.MaxMatches * 2), options);
        var searchMs = watch.Elapsed.TotalMilliseconds;
        StageTiming[] timings = [new("normalize", normalizeMs), new("search", searchMs)];
        var sanctions = Result(CheckNames.SanctionsScreening, matches.Where(m => m.Entity.IsSanctioned || !m.Entity.IsPep).ToList(), name, extraReasons, version, timings);
        var pep = Result(CheckNames.PepScreening, matches.Where(m => m.Entity.IsPep).ToList(), name, extraReasons, version, timings);
        return new ScreeningVerification(Gate(sanctions, index.HasSanctions, ScreeningReasons.NoSanctionsList), Gate(pep, index.HasPeps, ScreeningReasons.NoPepList));
    }

    /// <summary>With no list of the kind loaded, "clear" would be a false assurance: the check did not run.</summary>
    private static CheckResult Gate(CheckResult result, bool listLoaded, string reason) =>
        listLoaded ? result : result with { Status = CheckStatus.NotRun, ReasonCodes = [reason], Confidence = null };

    private CheckResult Result(string check, IReadOnlyList<ScreeningMatch> matches, NormalizedName name, List<string> extraReasons,
        string version, IReadOnlyList<StageTiming> timings)
    {
        var reported = matches.Take(options.MaxMatches).ToList();
        var best = reported.FirstOrDefault();
        var score = best?.Score ?? 0;
        var status = best is null ? CheckStatus.Clear : score >= options.HitThreshold ? CheckStatus.Hit : CheckStatus.Review;
        var reasons = new List<string>
        {
            status switch
            {
                CheckStatus.Hit => ScreeningReasons.ConfirmedMatch,
                CheckStatus.Review => ScreeningReasons.PossibleMatch,
                _ => ScreeningReasons.NoMatch,
            },
        };
        if (best?.Dob == DobVerdict.Match)
        {
            reasons.Add(ScreeningReasons.DobMatch);
        }
        else if (best?.Dob is DobVerdict.Conflict or DobVerdict.DayConflict)
        {
            reasons.Add(ScreeningReasons.DobConflict);
        }
        if (best?.Pep?.Former == true)
        {
            reasons.Add(ScreeningReasons.PepFormer);
        }
        reasons.AddRange(extraReasons);
        return new CheckResult
        {
            Name = check,
            Status = status,
            Score = score,
            Threshold = status == CheckStatus.Hit ? options.HitThreshold : options.ReviewThreshold,
            Confidence = Math.Round(Confidence(status, score), 3),
            ReasonCodes = reasons,
            Evidence = new Dictionary<string, object?>
            {
                ["query_tokens"] = name.Tokens,
                ["hit_threshold"] = options.HitThreshold,
                ["review_threshold"] = options.ReviewThreshold,
                ["matches"] = reported.Select(MatchEvidence.From).ToList(),
            },
            Version = version,
            Timings = timings,
        };
    }

    /// <summary>Far above the hit threshold or far below the review threshold is sure; in between is not.</summary>
    private double Confidence(CheckStatus status, double score) => status switch
    {
        CheckStatus.Hit => 0.5 + 0.5 * Math.Clamp((score - options.HitThreshold) / Math.Max(1e-6, 1 - options.HitThreshold), 0, 1),
        CheckStatus.Review => 0.5,
        _ => 1 - 0.5 * Math.Clamp(score / Math.Max(1e-6, options.ReviewThreshold), 0, 1),
    };
}
