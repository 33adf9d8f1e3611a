using Ekyc.Core.Checks;

namespace Ekyc.Core.Engines;

/// <summary>The screening engine as the processing pipeline sees it.</summary>
public interface IScreeningVerifier
{
    ScreeningVerification Screen(ScreeningSubject subject, CancellationToken cancellationToken);
}

/// <summary>Who to screen: the name as read, the date of birth and the ICAO nationality when known.</summary>
public sealed record ScreeningSubject(string FullName, DateOnly? DateOfBirth, string? Nationality);

public sealed record ScreeningVerification(CheckResult Sanctions, CheckResult Pep);
