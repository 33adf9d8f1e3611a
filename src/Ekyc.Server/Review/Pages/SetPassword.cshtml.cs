using Ekyc.Server.Review.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Review.Pages;

/// <summary>The page behind the one-time link <c>users create</c> prints.</summary>
public sealed class SetPasswordModel(ConsoleAccounts accounts, IOptions<ConsoleOptions> options, IStringLocalizer<ConsoleText> text) : PageModel
{
    public string? Email { get; private set; }
    public string? Token { get; private set; }
    public string? Error { get; private set; }
    public int MinLength => options.Value.MinPasswordLength;

    public async Task OnGetAsync(string? token)
    {
        Token = token;
        Email = token is null ? null : (await accounts.FindBySetupTokenAsync(token, HttpContext.RequestAborted))?.Email;
        if (Email is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
    }

    public async Task<IActionResult> OnPostAsync(string? token, string? password, string? confirm)
    {
        await OnGetAsync(token);
        if (Email is null)
            return Page();
        Error = !accounts.IsAcceptablePassword(password) ? text["PasswordTooShort", MinLength].Value
            : password != confirm ? text["PasswordsDiffer"].Value : null;
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var user = await accounts.SetPasswordAsync(token!, password!, HttpContext.RequestAborted);
        return user is null ? Page() : Redirect(ReviewConsoleSetup.BasePath + "/login?saved=true");
    }
}
