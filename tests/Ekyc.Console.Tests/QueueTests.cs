using Ekyc.Console.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Ekyc.Console.Tests;

[Collection(ConsoleCollection.Name)]
public class QueueTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task The_queue_shows_this_tenants_manual_review_sessions_oldest_first_with_why_and_counts()
    {
        var page = await ConsolePages.SignedInAsync(fixture, await fixture.CreateUserAsync(fixture.TenantA));
        var errors = ConsolePages.CollectErrors(page);
        await page.ReloadAsync();

        var waiting = new List<string>();
        foreach (var id in fixture.ReviewA)
            if ((await fixture.GetSessionAsync(id))["status"]!.GetValue<string>() == "manual_review")
                waiting.Add(id);
        var shown = await page.Locator("table.queue a.row-link").AllInnerTextsAsync();
        Assert.Equal(waiting, shown);
        Assert.DoesNotContain(fixture.ReviewB, shown);
        Assert.DoesNotContain(fixture.RejectedA, shown);

        // Why: the rule and the checks that fired it, with their statuses, as the API reports them; and the counts.
        var decision = (await fixture.GetSessionAsync(waiting[0]))["decision"]!;
        var check = decision["checks"]!.AsArray()[0]!.GetValue<string>();
        var first = page.Locator("table.queue tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync(decision["rule"]!.GetValue<string>());
        await Assertions.Expect(first).ToContainTextAsync(ConsoleFixture.CheckLabel(check));
        await Assertions.Expect(page.Locator("#queue-summary")).ToHaveTextAsync($"{waiting.Count} sessions wait for review; {waiting.Count} match the filter.");
        await Assertions.Expect(page.Locator("section[aria-labelledby=by-check]")).ToContainTextAsync(ConsoleFixture.CheckLabel(check));

        await ConsolePages.AssertAccessibleAsync(page);
        await ConsolePages.ScreenshotAsync(page, "queue");

        // Filters: one session's reference (matched exactly: references are sealed), then a check no session is waiting on.
        await page.GetByLabel("Reference (exact)").FillAsync("customer-a-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        Assert.Equal(waiting.Where(id => id == fixture.ReviewA[3]), await page.Locator("table.queue a.row-link").AllInnerTextsAsync());
        await page.GotoAsync("/console?rule=check_failed");
        await Assertions.Expect(page.GetByText("No session matches.")).ToBeVisibleAsync();

        // Keyboard: j moves to the first row, Enter opens it.
        await page.GotoAsync("/console");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync($"**/console/sessions/{waiting[0]}");
        Assert.Empty(errors);

        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/console");
        await ConsolePages.ScreenshotAsync(page, "queue-phone");
        await page.Context.CloseAsync();
    }
}
