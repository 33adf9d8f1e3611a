using System.ComponentModel.DataAnnotations;

namespace Ekyc.Server.Review;

/// <summary>Configuration section <c>Ekyc:Console</c>: the review console's sign-in and claim rules.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Ekyc:Console";

    /// <summary>A signed-in reviewer who does nothing this long is signed out (sliding).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    [Range(2, 100)]
    public int LockoutAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long opening a session keeps it claimed for its reviewer (renewed on every view).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>Lifetime of the one-time link that sets a password.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan SetupLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The server's address as reviewers reach it, for the links the CLI prints.</summary>
    [Required]
    public string PublicUrl { get; set; } = "http://localhost:5000";

    [Range(12, 256)]
    public int MinPasswordLength { get; set; } = 12;
}
