using Ekyc.Console.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Ekyc.Console.Tests;

[Collection(ConsoleCollection.Name)]
public class SecurityTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_reviewer_of_tenant_B_cannot_open_tenant_A_sessions_or_images_by_URL()
    {
        var page = await ConsolePages.SignedInAsync(fixture, await fixture.CreateUserAsync(fixture.TenantB));
        Assert.Equal([fixture.ReviewB], await page.Locator("table.queue a.row-link").AllInnerTextsAsync());

        var other = fixture.ReviewA[2];
        var response = await page.GotoAsync($"/console/sessions/{other}");
        Assert.Equal(404, response!.Status);
        Assert.DoesNotContain("CAGE", await page.ContentAsync());

        // Nor its images, whose ids the reviewer learns from tenant A's own page (here: from the database).
        var imageId = await ImageIdAsync(other);
        Assert.Equal(404, (await page.APIRequest.GetAsync($"/console/sessions/{other}/images/{imageId}")).Status);
        Assert.Equal(404, (await page.APIRequest.GetAsync($"/console/sessions/{fixture.ReviewB}/images/{imageId}")).Status);
        Assert.Equal(404, (await page.APIRequest.GetAsync($"/console/sessions/{other}/faces/document")).Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var id = fixture.ReviewA[2];
        var page = await ConsolePages.SignedInAsync(fixture, await fixture.CreateUserAsync(fixture.TenantA));
        await page.GotoAsync($"/console/sessions/{id}");
        await Assertions.Expect(page.Locator("#decide-form")).ToBeVisibleAsync();

        // Same cookies as the page (signed in, holding the claim), but no token: refused, nothing changes.
        var missing = await page.APIRequest.PostAsync($"/console/sessions/{id}?handler=Decide", new()
        {
            Form = SessionPageTests.FormOf(page, ("decision", "rejected"), ("reason", "reject_unusable")),
        });
        Assert.Equal(400, missing.Status);
        var forged = await page.APIRequest.PostAsync($"/console/sessions/{id}?handler=Decide", new()
        {
            Form = SessionPageTests.FormOf(page, ("decision", "rejected"), ("reason", "reject_unusable"), ("__af", "CfDJ8-forged")),
        });
        Assert.Equal(400, forged.Status);
        Assert.Equal("manual_review", (await fixture.GetSessionAsync(id))["status"]!.GetValue<string>());

        await page.GetByRole(AriaRole.Button, new() { Name = "Release the claim" }).ClickAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Pages_and_images_are_never_cached_and_carry_a_strict_CSP_and_the_console_cookie_opens_no_API()
    {
        var page = await ConsolePages.SignedInAsync(fixture, await fixture.CreateUserAsync(fixture.TenantA));
        var id = fixture.ReviewA[3];
        var response = await page.GotoAsync($"/console/sessions/{id}");
        var headers = await response!.AllHeadersAsync();
        Assert.Contains("no-store", headers["cache-control"]);
        Assert.Contains("default-src 'none'", headers["content-security-policy"]);
        Assert.Contains("script-src 'self'", headers["content-security-policy"]);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"]);
        Assert.Empty(await page.Locator("[style]").AllAsync());
        Assert.Empty(await page.Locator("script:not([src])").AllAsync());

        var image = await page.APIRequest.GetAsync($"/console/sessions/{id}/images/{await ImageIdAsync(id)}");
        Assert.Equal(200, image.Status);
        Assert.Contains("no-store", image.Headers["cache-control"]);
        Assert.Equal("image/jpeg", image.Headers["content-type"]);

        // The console's cookie is not a credential for the API.
        Assert.Equal(401, (await page.APIRequest.GetAsync($"/v1/sessions/{id}")).Status);
        await page.GetByRole(AriaRole.Button, new() { Name = "Release the claim" }).ClickAsync();
        // A reviewer is no admin.
        Assert.Equal(403, (await page.GotoAsync("/console/audit"))!.Status);
        await page.Context.CloseAsync();
    }

    private async Task<string> ImageIdAsync(string sessionId)
    {
        await using var connection = await fixture.Server.Database.OpenAsync();
        return await Dapper.SqlMapper.QueryFirstAsync<string>(connection, "SELECT id FROM images WHERE session_id = @sessionId AND kind = 'document'", new { sessionId });
    }
}
