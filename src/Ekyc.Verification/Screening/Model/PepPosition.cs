namespace Ekyc.Verification.Screening.Model;

/// <summary>
/// A public office a listed person holds or held: its title, country (ISO alpha-2), the dates in office the source
/// gives, and the source's own view on its data date (<see cref="AsOf"/>): held then, ended, or not stated.
/// An end date after <see cref="AsOf"/> is the scheduled end of a term in progress.
/// </summary>
public sealed record PepPosition
{
    public required string Title { get; init; }
    public string? Country { get; init; }
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public PositionStatus Status { get; init; } = PositionStatus.Unknown;
    /// <summary>A head of state or government (or their deputy in the US, the vice president): kept longer after leaving office.</summary>
    public bool HeadOfState { get; init; }
    /// <summary>The date the source's data describes (CIA page update, repository snapshot).</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Whether the office is held on <paramref name="date"/>, as far as the source tells.</summary>
    public bool HeldOn(DateOnly date) => Status == PositionStatus.Current && (End is null || End >= date) && (Start is null || Start <= date);

    /// <summary>When the office ended, if it has ended by <paramref name="date"/> and the source says when.</summary>
    public DateOnly? EndedBy(DateOnly date) => End is { } end && end < date && Status != PositionStatus.Unknown ? end : null;
}

/// <summary>What the source says about an office on its data date.</summary>
public enum PositionStatus
{
    /// <summary>The source does not say (a politician's description, no dates).</summary>
    Unknown,
    Current,
    Ended,
}
