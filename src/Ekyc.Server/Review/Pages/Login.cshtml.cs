using Ekyc.Server.Review.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Review.Pages;

public sealed class LoginModel(ConsoleAccounts accounts, IOptions<ConsoleOptions> options) : PageModel
{
    public bool Failed { get; private set; }
    public bool Saved { get; private set; }
    public string? Email { get; private set; }
    public string? ReturnUrl { get; private set; }
    public int Attempts => options.Value.LockoutAttempts;
    public int LockMinutes => (int)Math.Ceiling(options.Value.LockoutDuration.TotalMinutes);

    public void OnGet(string? returnUrl, bool saved = false)
    {
        ReturnUrl = returnUrl;
        Saved = saved;
    }

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl)
    {
        Email = email;
        ReturnUrl = returnUrl;
        var result = await accounts.SignInAsync(email ?? "", password ?? "", HttpContext.RequestAborted);
        if (result.Outcome != SignInOutcome.Succeeded)
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await HttpContext.SignInAsync(ReviewConsoleSetup.Scheme, Reviewer.ToPrincipal(result.User!, ReviewConsoleSetup.Scheme));
        // Only a path inside the console: never an open redirect.
        var target = returnUrl is not null && returnUrl.StartsWith(ReviewConsoleSetup.BasePath, StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? returnUrl : ReviewConsoleSetup.BasePath;
        return LocalRedirect(target);
    }
}
