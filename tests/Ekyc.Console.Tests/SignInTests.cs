using Ekyc.Console.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Ekyc.Console.Tests;

[Collection(ConsoleCollection.Name)]
public class SignInTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task The_one_time_link_sets_the_password_and_the_reviewer_signs_in()
    {
        var (email, link) = await fixture.InviteAsync(fixture.TenantA);
        await using var context = await Browser.NewContextAsync(fixture.Server.Address);
        var page = await context.NewPageAsync();
        var errors = ConsolePages.CollectErrors(page);

        // Before signing in, the console sends the browser to the sign-in page.
        await page.GotoAsync("/console");
        Assert.Equal("/console/login", new Uri(page.Url).AbsolutePath);
        await ConsolePages.AssertAccessibleAsync(page);

        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();
        await ConsolePages.AssertAccessibleAsync(page);
        await page.GetByLabel("New password").FillAsync("too short");
        await page.GetByLabel("Repeat the password").FillAsync("too short");
        // The browser's own minlength check would stop the form; the server's rule is what is tested here.
        await page.EvalOnSelectorAllAsync("input[minlength]", "inputs => inputs.forEach(i => i.removeAttribute('minlength'))");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("at least 12 characters");

        await page.GetByLabel("New password").FillAsync(ConsoleFixture.Password);
        await page.GetByLabel("Repeat the password").FillAsync(ConsoleFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Password saved");

        // The link works once.
        var again = await page.GotoAsync(link);
        Assert.Equal(404, again!.Status);

        await ConsolePages.SignInAsync(page, email);
        Assert.Equal("/console", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByText($"Signed in as {email}")).ToBeVisibleAsync();
        Assert.Empty(errors);

        // The cookie is the console's own: HttpOnly, SameSite=Strict, scoped to /console, and no API key anywhere.
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "ekyc_console");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("/console", cookie.Path);
        Assert.DoesNotContain("ek_live_", await page.ContentAsync());

        // Signing out ends it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/console");
        Assert.Equal("/console/login", new Uri(page.Url).AbsolutePath);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_against_the_right_password()
    {
        var email = await fixture.CreateUserAsync(fixture.TenantA);
        await using var context = await Browser.NewContextAsync(fixture.Server.Address);
        var page = await context.NewPageAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await ConsolePages.SignInAsync(page, email, "wrong password " + attempt);
            Assert.Equal("/console/login", new Uri(page.Url).AbsolutePath);
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sign-in failed");
        }
        await ConsolePages.SignInAsync(page, email);
        Assert.Equal("/console/login", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked");
        await ConsolePages.AssertAccessibleAsync(page);

        var admin = await ConsolePages.SignedInAsync(fixture, await fixture.CreateUserAsync(fixture.TenantA, "admin"));
        await admin.GotoAsync("/console/audit");
        var rows = admin.Locator("table.audit tbody tr").Filter(new() { HasText = email });
        await Assertions.Expect(rows.Filter(new() { HasText = "sign_in_failed" })).ToHaveCountAsync(4);
        await Assertions.Expect(rows.Filter(new() { HasText = "sign_in_locked" })).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = "signed_in" })).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();
    }
}
