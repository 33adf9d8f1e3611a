using Ekyc.Server.Review.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ekyc.Server.Review.Pages;

public sealed class LogoutModel(ConsoleAccounts accounts) : PageModel
{
    public IActionResult OnGet() => Redirect(ReviewConsoleSetup.BasePath);

    public async Task<IActionResult> OnPostAsync()
    {
        var reviewer = Reviewer.From(User);
        await HttpContext.SignOutAsync(ReviewConsoleSetup.Scheme);
        await accounts.SignedOutAsync(reviewer, HttpContext.RequestAborted);
        return Redirect(ReviewConsoleSetup.BasePath + "/login");
    }
}
