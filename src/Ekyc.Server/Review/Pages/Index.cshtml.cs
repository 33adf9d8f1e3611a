using Ekyc.Server.Review.Accounts;
using Ekyc.Server.Review.Queue;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Ekyc.Server.Review.Pages;

/// <summary>The tenant's manual_review queue, oldest first.</summary>
public sealed class QueueModel(ReviewQueue queue, IStringLocalizer<ConsoleText> text, TimeProvider time) : PageModel
{
    public QueuePage? Queue { get; private set; }
    public QueueFilter Filter { get; private set; } = new(null, null, null, null, null, null);
    public Reviewer Me => Reviewer.From(User);
    public DateTimeOffset Now { get; } = time.GetUtcNow();
    public string? Decided { get; private set; }
    public string? Outcome { get; private set; }

    public async Task OnGetAsync(string? check, string? rule, string? reference, DateOnly? from, DateOnly? to, string? after, string? decided, string? outcome)
    {
        Filter = new QueueFilter(check, rule, reference, from, to, after);
        Decided = decided;
        Outcome = outcome;
        Queue = await queue.ListAsync(Me.TenantId, Filter, HttpContext.RequestAborted);
    }

    public string CheckLabel(string check) => text["Check_" + check] is { ResourceNotFound: false } label ? label.Value : check;

    public string Age(DateTimeOffset since) => Labels.Age(Now - since);

    public string Link(string? after)
    {
        var query = new Dictionary<string, string?>
        {
            ["check"] = Filter.Check, ["rule"] = Filter.Rule, ["reference"] = Filter.Reference,
            ["from"] = Filter.From?.ToString("yyyy-MM-dd"), ["to"] = Filter.To?.ToString("yyyy-MM-dd"), ["after"] = after,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(ReviewConsoleSetup.BasePath,
            query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
