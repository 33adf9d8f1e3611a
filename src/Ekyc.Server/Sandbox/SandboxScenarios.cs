using System.Text.Json;
using Ekyc.Core.Checks;
using Ekyc.Core.Decisions;
using Ekyc.Core.Sessions;
using Ekyc.Server.Auth;
using Ekyc.Server.Errors;
using Ekyc.Server.Options;
using Ekyc.Server.Sessions;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Sandbox;

/// <summary>
/// Reads the <c>sandbox</c> block of a session request into a resolved <see cref="SandboxScenario"/>. Strict: an unknown
/// field, a check the session does not request, a status or reason code its engine cannot give, or a decision the real
/// policy would not reach from the checks is a 400 naming the field. A test session without the block gets the
/// default scenario (every requested check passes: approved); a live key with the block is refused.
/// </summary>
public sealed class SandboxScenarios(IOptions<EkycOptions> options)
{
    private static readonly string[] Fields = ["decision", "checks", "webhook_failures"];
    private static readonly string[] CheckFields = ["status", "reasons", "confidence"];
    private static readonly string[] Decisions =
        [SessionStatus.Approved.ToWire(), SessionStatus.Rejected.ToWire(), SessionStatus.ManualReview.ToWire()];

    public int MaxWebhookFailures => options.Value.Sandbox.Schedule.Count;

    /// <summary>The scenario of a new test session, or null for a live one.</summary>
    public SandboxScenario? Read(Caller caller, CreateSessionRequest request)
    {
        var block = request.Sandbox is { ValueKind: not JsonValueKind.Null } element ? element : (JsonElement?)null;
        if (caller.Livemode)
            return block is null ? null : throw SandboxProblems.RequiresTestKey();
        var errors = new Dictionary<string, string[]>();
        var scenario = Resolve(block, request.Checks ?? CheckNames.All, errors);
        return errors.Count == 0 ? scenario : throw Problems.Validation(errors);
    }

    private SandboxScenario? Resolve(JsonElement? block, IReadOnlyList<string> requested, Dictionary<string, string[]> errors)
    {
        string? decision = null;
        var given = new Dictionary<string, SandboxCheck>();
        var failures = 0;
        if (block is { } sandbox)
        {
            if (sandbox.ValueKind != JsonValueKind.Object)
            {
                errors["sandbox"] = ["An object with any of: decision, checks, webhook_failures."];
                return null;
            }
            foreach (var field in sandbox.EnumerateObject())
            {
                var path = "sandbox." + field.Name;
                switch (field.Name)
                {
                    case "decision" when field.Value.ValueKind == JsonValueKind.String && Decisions.Contains(field.Value.GetString()):
                        decision = field.Value.GetString();
                        break;
                    case "decision":
                        errors[path] = [$"One of: {string.Join(", ", Decisions)}."];
                        break;
                    case "checks":
                        ReadChecks(field.Value, requested, given, errors);
                        break;
                    case "webhook_failures" when field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetInt32(out var n) && n >= 0 && n <= MaxWebhookFailures:
                        failures = n;
                        break;
                    case "webhook_failures":
                        errors[path] = [$"An integer from 0 to {MaxWebhookFailures} (the test retry schedule has {MaxWebhookFailures} retries)."];
                        break;
                    default:
                        errors[path] = [$"Unknown field; the sandbox block takes: {string.Join(", ", Fields)}."];
                        break;
                }
            }
        }
        if (errors.Count > 0)
            return null;
        return Decide(decision, requested, given, failures, errors);
    }

    private static void ReadChecks(JsonElement checks, IReadOnlyList<string> requested, Dictionary<string, SandboxCheck> given, Dictionary<string, string[]> errors)
    {
        if (checks.ValueKind != JsonValueKind.Object)
        {
            errors["sandbox.checks"] = ["An object keyed by check name."];
            return;
        }
        foreach (var check in checks.EnumerateObject())
        {
            var path = "sandbox.checks." + check.Name;
            if (!CheckNames.All.Contains(check.Name))
                errors[path] = [$"Unknown check; one of: {string.Join(", ", CheckNames.All)}."];
            else if (!requested.Contains(check.Name))
                errors[path] = ["This session does not request this check (see 'checks')."];
            else if (ReadCheck(check.Name, check.Value, path, errors) is { } read)
                given[check.Name] = read;
        }
    }

    private static SandboxCheck? ReadCheck(string name, JsonElement value, string path, Dictionary<string, string[]> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors[path] = ["An object with 'status' and optionally 'reasons' and 'confidence'."];
            return null;
        }
        var before = errors.Count;
        string? status = null;
        List<string>? reasons = null;
        double? confidence = null;
        var statuses = SandboxReasons.StatusesOf(name);
        var allowed = SandboxReasons.For(name);
        foreach (var field in value.EnumerateObject())
        {
            var fieldPath = $"{path}.{field.Name}";
            switch (field.Name)
            {
                case "status" when field.Value.ValueKind == JsonValueKind.String && statuses.Contains(field.Value.GetString()):
                    status = field.Value.GetString();
                    break;
                case "status":
                    errors[fieldPath] = [$"One of: {string.Join(", ", statuses)}."];
                    break;
                case "reasons" when field.Value.ValueKind == JsonValueKind.Array && field.Value.GetArrayLength() is > 0 and <= 10
                                    && field.Value.EnumerateArray().All(r => r.ValueKind == JsonValueKind.String):
                    reasons = field.Value.EnumerateArray().Select(r => r.GetString()!).Distinct().ToList();
                    if (reasons.Where(r => !allowed.Contains(r)).ToList() is { Count: > 0 } unknown)
                        errors[fieldPath] = [$"Not a reason code of {name}: {string.Join(", ", unknown)}. It may carry: {string.Join(", ", allowed)}."];
                    break;
                case "reasons":
                    errors[fieldPath] = ["An array of 1 to 10 reason codes."];
                    break;
                case "confidence" when field.Value.ValueKind == JsonValueKind.Number && field.Value.GetDouble() is >= 0 and <= 1:
                    confidence = field.Value.GetDouble();
                    break;
                case "confidence":
                    errors[fieldPath] = ["A number from 0 to 1."];
                    break;
                default:
                    errors[fieldPath] = [$"Unknown field; a check takes: {string.Join(", ", CheckFields)}."];
                    break;
            }
        }
        if (status is null && !errors.ContainsKey(path + ".status"))
            errors[path + ".status"] = [$"Required: one of {string.Join(", ", statuses)}."];
        if (status == CheckStatus.NotRun.ToWire() && confidence is not null)
            errors[path + ".confidence"] = ["A check that did not run has no confidence."];
        if (errors.Count > before)
            return null;
        var parsed = CheckStatusNames.Parse(status!);
        return new SandboxCheck(status!, reasons ?? [SandboxReasons.DefaultReason(name, parsed)], confidence ?? SandboxReasons.DefaultConfidence(parsed));
    }

    /// <summary>
    /// Fills in the checks the scenario left out (passed) and runs the real decision policy on them. A requested decision
    /// the given checks do not reach is reached by scripting the first unscripted check that can: failed (or hit, for
    /// sanctions) for a rejection, in review for a manual review; if none can, the scenario is contradictory.
    /// </summary>
    private SandboxScenario? Decide(string? decision, IReadOnlyList<string> requested, Dictionary<string, SandboxCheck> given, int failures,
        Dictionary<string, string[]> errors)
    {
        var thresholds = options.Value.Decision.ToThresholds();
        var checks = requested.ToDictionary(name => name, name => given.GetValueOrDefault(name) ?? Default(name, Passing(name)));
        var outcome = DecisionPolicy.Decide(requested, checks.Select(c => ToResult(c.Key, c.Value)).ToList(), thresholds);
        if (decision is not null && outcome.Status.ToWire() != decision)
        {
            var driver = requested.Where(name => !given.ContainsKey(name))
                .Select(name => (name, status: Driving(name, decision)))
                .FirstOrDefault(d => d.status is not null);
            if (driver.name is not null)
            {
                checks[driver.name] = Default(driver.name, driver.status!.Value);
                outcome = DecisionPolicy.Decide(requested, checks.Select(c => ToResult(c.Key, c.Value)).ToList(), thresholds);
            }
        }
        if (decision is not null && outcome.Status.ToWire() != decision)
        {
            errors["sandbox.decision"] =
                [$"The checks of this scenario lead to '{outcome.Status.ToWire()}' (rule '{outcome.Rule}'), not '{decision}'; change the checks or leave one unscripted."];
            return null;
        }
        return new SandboxScenario(checks, failures);
    }

    private static CheckStatus Passing(string name) => CheckNames.IsScreening(name) ? CheckStatus.Clear : CheckStatus.Pass;

    /// <summary>The status of <paramref name="name"/> that leads the policy to <paramref name="decision"/>, if one does.</summary>
    private static CheckStatus? Driving(string name, string decision) => decision switch
    {
        _ when decision == SessionStatus.Rejected.ToWire() => name switch
        {
            CheckNames.PepScreening => null,
            CheckNames.SanctionsScreening => CheckStatus.Hit,
            _ => CheckStatus.Fail,
        },
        _ when decision == SessionStatus.ManualReview.ToWire() => CheckStatus.Review,
        _ => null,
    };

    private static SandboxCheck Default(string name, CheckStatus status) =>
        new(status.ToWire(), [SandboxReasons.DefaultReason(name, status)], SandboxReasons.DefaultConfidence(status));

    /// <summary>The check result a scripted check stands for; the decider reports exactly this.</summary>
    public static CheckResult ToResult(string name, SandboxCheck check) => new()
    {
        Name = name,
        Status = CheckStatusNames.Parse(check.Status),
        Confidence = check.Confidence,
        ReasonCodes = check.Reasons,
        Evidence = new Dictionary<string, object?> { ["sandbox"] = true },
        Version = "sandbox",
    };
}
