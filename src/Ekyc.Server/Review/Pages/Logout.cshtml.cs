using Ekyc.Server.Review.Accounts;
using Ekyc.Server.Review.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ekyc.Server.Review.Pages;

public sealed class LogoutModel(AuditLog audit) : PageModel
{
    public IActionResult OnGet() => Redirect(ReviewConsoleSetup.BasePath);

    public async Task<IActionResult> OnPostAsync()
    {
        var reviewer = Reviewer.From(User);
        await HttpContext.SignOutAsync(ReviewConsoleSetup.Scheme);
        await audit.WriteAsync(reviewer.TenantId, reviewer.UserId, reviewer.Email, AuditAction.SignedOut, null, null, HttpContext.RequestAborted);
        return Redirect(ReviewConsoleSetup.BasePath + "/login");
    }
}
