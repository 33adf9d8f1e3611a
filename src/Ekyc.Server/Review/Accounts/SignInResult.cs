namespace Ekyc.Server.Review.Accounts;

/// <summary>The outcome of a password sign-in. The page shows one message for every failure, so it tells an attacker nothing.</summary>
public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, ConsoleUser? User);
