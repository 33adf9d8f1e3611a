using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Ekyc.Console.Tests.Infrastructure;

/// <summary>What a reviewer does in the browser, and the checks every page gets.</summary>
public static class ConsolePages
{
    public static async Task SignInAsync(IPage page, string email, string password = ConsoleFixture.Password)
    {
        await page.GotoAsync("/console/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        // Listen for the next page's load before clicking: a load that completed between the click and a separate
        // wait was missed under load in CI, and the wait ran out.
        var loaded = new TaskCompletionSource();
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    /// <summary>A signed-in page in a fresh browser context.</summary>
    public static async Task<IPage> SignedInAsync(ConsoleFixture fixture, string email, bool phone = false)
    {
        var context = await Browser.NewContextAsync(fixture.Server.Address, phone);
        var page = await context.NewPageAsync();
        await SignInAsync(page, email);
        Assert.EndsWith("/console", new Uri(page.Url).AbsolutePath);
        return page;
    }

    /// <summary>axe-core finds no violation (WCAG 2.x A and AA rules and best practices).</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0,
            $"{page.Url}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
    }

    /// <summary>Saves a full-page screenshot next to the test assembly (<c>screenshots/NAME.png</c>).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>
    /// Collects what the browser reports as an error (a CSP violation, a failed script) and every sub-resource that
    /// failed to load. A page answered with 4xx on purpose (a refused form) is the test's business, not an error here.
    /// </summary>
    public static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                errors.Add(message.Text);
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
                errors.Add($"{response.Status} {response.Url}");
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }
}
