using System.ComponentModel.DataAnnotations;
using Ekyc.Server.Webhooks;

namespace Ekyc.Server.Sandbox;

/// <summary>Configuration section <c>Ekyc:Sandbox</c>: how test-mode webhooks are retried.</summary>
public sealed class SandboxOptions : IValidatableObject
{
    /// <summary>
    /// Delays before each retry of a test event's delivery (same syntax as <c>Ekyc:Webhooks:RetrySchedule</c>), no jitter:
    /// an integrator sees the retries within seconds instead of days. Its length bounds <c>sandbox.webhook_failures</c>.
    /// </summary>
    [Required]
    public string RetrySchedule { get; set; } = "1s,2s,4s,8s,16s";

    public IReadOnlyList<TimeSpan> Schedule => Webhooks.RetrySchedule.Parse(RetrySchedule);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Webhooks.RetrySchedule.TryParse(RetrySchedule, out var delays, out var error))
            yield return new ValidationResult($"Ekyc:Sandbox:RetrySchedule: {error}", [nameof(RetrySchedule)]);
        else if (delays.Any(d => d > TimeSpan.FromMinutes(10)))
            yield return new ValidationResult("Ekyc:Sandbox:RetrySchedule: test retries are at most 10 minutes apart.", [nameof(RetrySchedule)]);
    }
}
