namespace Ekyc.Server.Sandbox;

/// <summary>
/// What a test session will produce, resolved and validated when the session is created: the outcome of every
/// requested check (from which the real policy decides) and how many attempts of each webhook delivery of the session
/// fail on purpose. Stored with the session's configuration; the sandbox decider replays it.
/// </summary>
public sealed record SandboxScenario(IReadOnlyDictionary<string, SandboxCheck> Checks, int WebhookFailures);

/// <summary>One check's scripted outcome: a wire status, the reason codes the engine would give, and its confidence.</summary>
public sealed record SandboxCheck(string Status, IReadOnlyList<string> Reasons, double? Confidence);
