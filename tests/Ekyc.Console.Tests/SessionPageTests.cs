using System.Text.RegularExpressions;
using Ekyc.Console.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Ekyc.Console.Tests;

[Collection(ConsoleCollection.Name)]
public partial class SessionPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task The_session_page_shows_the_evidence_and_a_keyboard_decision_reaches_the_session_and_fires_the_webhook()
    {
        var email = await fixture.CreateUserAsync(fixture.TenantA);
        var id = fixture.ReviewA[0];
        var page = await ConsolePages.SignedInAsync(fixture, email);
        var errors = ConsolePages.CollectErrors(page);
        await page.GotoAsync($"/console/sessions/{id}");

        // The evidence: faces side by side with the similarity, the images, the MRZ with its check digits, the signals.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Session {id}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Document portrait" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Selfie face" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".similarity")).ToContainTextAsync(SimilarityText());
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Document, front side (passport): 1500 × " }).First).ToBeVisibleAsync();
        var mrz = page.Locator("#check-document_authenticity pre.mrz");
        await Assertions.Expect(mrz).ToContainTextAsync("P<USACAGE<<NICOLAS");
        await Assertions.Expect(page.Locator("#check-document_authenticity")).ToContainTextAsync("check digits");
        await Assertions.Expect(page.Locator("#check-face_liveness")).ToContainTextAsync("signals");
        // The check that sent the session to review shows the reasons the report gives for it.
        var report = await fixture.GetReportAsync(id);
        var held = report["decision"]!["checks"]!.AsArray()[0]!.GetValue<string>();
        var reasons = report["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == held)!["reason_codes"]!.AsArray();
        await Assertions.Expect(page.Locator($"#check-{held}")).ToContainTextAsync(reasons[0]!.GetValue<string>());
        await Assertions.Expect(page.GetByText("verification.completed")).ToBeVisibleAsync();
        foreach (var image in await page.Locator("img").AllAsync())
            Assert.True(await image.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"), "An image did not load.");
        await ConsolePages.AssertAccessibleAsync(page);
        await ConsolePages.ScreenshotAsync(page, "session");
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        await ConsolePages.ScreenshotAsync(page, "session-evidence");

        // The common path by keyboard: a (approve), pick the reason, Ctrl+Enter.
        await page.Locator("body").ClickAsync(new() { Position = new() { X = 1, Y = 1 } });
        await page.Keyboard.PressAsync("a");
        Assert.True(await page.Locator("#decision-approve").IsCheckedAsync());
        await Assertions.Expect(page.Locator("#reason")).ToBeFocusedAsync();
        await page.Locator("#reason").SelectOptionAsync("approve_missing_evidence_accepted");
        await page.GetByLabel("Note (optional)").FillAsync("Checked by hand.");
        await page.Keyboard.PressAsync("Control+Enter");
        await page.WaitForURLAsync("**/console?decided=*");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Session {id} was approved.");
        Assert.DoesNotContain(id, await page.Locator("table.queue a.row-link").AllInnerTextsAsync());
        Assert.Empty(errors);

        var session = await fixture.GetSessionAsync(id);
        Assert.Equal("approved", session["status"]!.GetValue<string>());
        var review = session["decision"]!["review"]!;
        Assert.Equal(email, review["reviewer"]!.GetValue<string>());
        Assert.Equal("Missing check accepted on other evidence: Checked by hand.", review["reason"]!.GetValue<string>());

        // The review transition's webhook, as the API's review sends it, names the reviewer.
        var webhook = (await fixture.Webhooks.WaitForAsync(fixture.Hook, r => r.SessionId == id && r.Type == "verification.reviewed")).Json;
        Assert.Equal("approved", webhook["status"]!.GetValue<string>());
        Assert.Equal(email, webhook["review"]!["reviewer"]!.GetValue<string>());

        // The audit trail records the view of the images and the decision.
        var admin = await ConsolePages.SignedInAsync(fixture, await fixture.CreateUserAsync(fixture.TenantA, "admin"));
        await admin.GotoAsync($"/console/audit?session={id}");
        var mine = admin.Locator("table.audit tbody tr").Filter(new() { HasText = email });
        await Assertions.Expect(mine.Filter(new() { HasText = "decided" })).ToContainTextAsync("approved: Missing check accepted");
        await Assertions.Expect(mine.Filter(new() { HasText = "image_viewed" })).ToHaveCountAsync(2);
        await Assertions.Expect(mine.Filter(new() { HasText = "face_viewed" })).ToHaveCountAsync(2);
        await Assertions.Expect(mine.Filter(new() { HasText = "session_viewed" }).First).ToBeVisibleAsync();
        await ConsolePages.AssertAccessibleAsync(admin);
        await ConsolePages.ScreenshotAsync(admin, "audit");
        await admin.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_claimed_session_cannot_be_decided_by_another_reviewer()
    {
        var id = fixture.ReviewA[1];
        var firstEmail = await fixture.CreateUserAsync(fixture.TenantA);
        var first = await ConsolePages.SignedInAsync(fixture, firstEmail);
        await first.GotoAsync($"/console/sessions/{id}");
        await Assertions.Expect(first.Locator("#decide-form")).ToBeVisibleAsync();

        var secondEmail = await fixture.CreateUserAsync(fixture.TenantA);
        var second = await ConsolePages.SignedInAsync(fixture, secondEmail);
        await second.GotoAsync($"/console/sessions/{id}");
        await Assertions.Expect(second.Locator("#decide-form")).ToHaveCountAsync(0);
        await Assertions.Expect(second.GetByRole(AriaRole.Status)).ToContainTextAsync("works this session until");
        await ConsolePages.ScreenshotAsync(second, "session-claimed");

        // The queue says who holds it; a forged decision from the second reviewer is refused and changes nothing.
        await second.GotoAsync("/console");
        var row = second.Locator("table.queue tbody tr").Filter(new() { HasText = id });
        await Assertions.Expect(row).ToContainTextAsync(firstEmail);
        var token = await AntiforgeryTokenAsync(second, $"/console/sessions/{fixture.ReviewA[3]}");
        var forged = await second.APIRequest.PostAsync($"/console/sessions/{id}?handler=Decide", new()
        {
            Form = FormOf(second, ("decision", "rejected"), ("reason", "reject_unusable"), ("__af", token)),
        });
        Assert.Equal(409, forged.Status);
        Assert.Equal("manual_review", (await fixture.GetSessionAsync(id))["status"]!.GetValue<string>());

        // Released, it is free for the next reviewer.
        await first.GotoAsync($"/console/sessions/{id}");
        await first.GetByRole(AriaRole.Button, new() { Name = "Release the claim" }).ClickAsync();
        await second.GotoAsync($"/console/sessions/{id}");
        await Assertions.Expect(second.Locator("#decide-form")).ToBeVisibleAsync();
        await second.GotoAsync($"/console/sessions/{fixture.ReviewA[3]}");
        await second.GetByRole(AriaRole.Button, new() { Name = "Release the claim" }).ClickAsync();
        await second.GotoAsync($"/console/sessions/{id}");
        await second.GetByRole(AriaRole.Button, new() { Name = "Release the claim" }).ClickAsync();
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    internal static async Task<string> AntiforgeryTokenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        return await page.Locator("input[name=__af]").First.GetAttributeAsync("value") ?? throw new InvalidOperationException("No antiforgery token on " + path);
    }

    internal static IFormData FormOf(IPage page, params (string Name, string Value)[] fields)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
            form.Set(name, value);
        return form;
    }

    [GeneratedRegex(@"Similarity \d\.\d+")]
    private static partial Regex SimilarityText();
}
