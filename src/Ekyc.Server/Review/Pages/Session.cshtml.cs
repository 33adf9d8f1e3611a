using System.Text.Json;
using Ekyc.Core.Sessions;
using Ekyc.Server.Events;
using Ekyc.Server.Review.Accounts;
using Ekyc.Server.Review.Queue;
using Ekyc.Server.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ekyc.Server.Review.Pages;

/// <summary>One session's evidence, its claim and the decision form.</summary>
public sealed class SessionModel(ConsoleReview review, IStringLocalizer<ConsoleText> text, TimeProvider time) : PageModel
{
    public SessionView? View { get; private set; }
    public string? Error { get; private set; }
    public DateTimeOffset Now { get; } = time.GetUtcNow();
    public bool InReview => View!.Session.Status == SessionStatus.ManualReview.ToWire() && View.Session.DeletedAt is null;

    public async Task OnGetAsync(string id) => View = await review.OpenAsync(Reviewer.From(User), id, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostDecideAsync(string id, string? decision, string? reason, string? note)
    {
        var reviewer = Reviewer.From(User);
        Error = decision is not ("approved" or "rejected") ? text["DecisionRequired"].Value
            : !DecisionReasons.Fits(decision, reason) ? text["ReasonRequired"].Value : null;
        if (Error is null)
        {
            try
            {
                await review.DecideAsync(reviewer, id, decision!, text["Reason_" + reason], note, HttpContext.RequestAborted);
                return Redirect($"{ReviewConsoleSetup.BasePath}?decided={Uri.EscapeDataString(id)}&outcome={decision}");
            }
            catch (ClaimConflictException conflict)
            {
                Error = conflict.Holder is null ? text["ClaimExpired"].Value : text["ClaimLost", conflict.Holder].Value;
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        View = await review.OpenAsync(reviewer, id, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostReleaseAsync(string id)
    {
        await review.ReleaseAsync(Reviewer.From(User), id, HttpContext.RequestAborted);
        return Redirect(ReviewConsoleSetup.BasePath);
    }

    public string CheckLabel(string check) => text["Check_" + check] is { ResourceNotFound: false } label ? label.Value : check;

    public string Time(DateTimeOffset? at) => at is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss") + " UTC" : "—";

    public bool HasFace(CheckReport? match, string key) => match is not null && FaceCrop.BoxOf(match.Evidence, key) is not null;

    /// <summary>Where the similarity falls between the face engine's two thresholds (from the evidence).</summary>
    public string Band(CheckReport match)
    {
        var pass = Number(match.Evidence, "pass_threshold") ?? match.Threshold;
        var fail = Number(match.Evidence, "fail_threshold");
        if (match.Score is not { } score || pass is null)
            return "";
        if (score >= pass)
            return text["BandPass", pass.Value.ToString("0.##")];
        if (fail is not null && score < fail)
            return text["BandFail", fail.Value.ToString("0.##")];
        return text["BandReview", (fail ?? 0).ToString("0.##"), pass.Value.ToString("0.##")];
    }

    /// <summary>The gist of an event: the status it reports, the rule, and the reviewer of a review.</summary>
    public string EventDetail(StoredEvent e)
    {
        using var payload = JsonDocument.Parse(e.Payload);
        var root = payload.RootElement;
        var parts = new List<string>();
        if (root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String)
            parts.Add(status.GetString()!);
        if (root.TryGetProperty("decision_rule", out var rule) && rule.ValueKind == JsonValueKind.String)
            parts.Add(rule.GetString()!);
        if (root.TryGetProperty("review", out var r) && r.ValueKind == JsonValueKind.Object && r.TryGetProperty("reviewer", out var who))
            parts.Add(who.GetString() ?? "");
        return string.Join(" · ", parts);
    }

    private static double? Number(IReadOnlyDictionary<string, object?> evidence, string key) =>
        evidence.TryGetValue(key, out var value) && value is JsonElement { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;
}
