using Ekyc.Server.Review.Accounts;
using Ekyc.Server.Review.Audit;
using Ekyc.Server.Review.Queue;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ekyc.Server.Review.Pages;

/// <summary>The tenant's audit trail, for admins (the page's policy).</summary>
public sealed class AuditModel(ConsoleReview review) : PageModel
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public string? SessionId { get; private set; }

    public async Task OnGetAsync(string? session)
    {
        SessionId = string.IsNullOrWhiteSpace(session) ? null : session.Trim();
        Entries = await review.TrailAsync(Reviewer.From(User), SessionId, HttpContext.RequestAborted);
    }
}
