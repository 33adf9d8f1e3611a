using System.Net;
using System.Net.Http.Json;
using Ekyc.Server.Tests.Infrastructure;
using Ekyc.Server.Webhooks;

namespace Ekyc.Server.Tests.Webhooks;

public class WebhookNetworkGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a00:1")]
    public void Private_loopback_and_link_local_addresses_are_not_public(string address) =>
        Assert.False(NetworkGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("93.184.216.34")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_public(string address) => Assert.True(NetworkGuard.IsPublic(IPAddress.Parse(address)));

    /// <summary>IPv6 addresses that carry a non-public IPv4 address, one per embedding.</summary>
    public static TheoryData<string, string> EmbeddedPrivateIPv4 => new()
    {
        { "::127.0.0.1", "IPv4-compatible" },
        { "::ffff:10.0.0.1", "IPv4-mapped" },
        { "::ffff:0:7f00:1", "IPv4-translated (SIIT)" },
        { "::ffff:0:a9fe:a9fe", "IPv4-translated, metadata service" },
        { "64:ff9b::c0a8:101", "NAT64 well-known prefix" },
        { "64:ff9b:1::7f00:1", "NAT64 local-use /96" },
        { "64:ff9b:1:a00:0:100::", "NAT64 local-use /48 (RFC 6052 placement)" },
        { "64:ff9b:1:a9:fe:a9fe::", "NAT64 local-use /56" },
        { "64:ff9b:1:0:7f:0:100:0", "NAT64 local-use /64" },
        { "2002:c0a8:101::1", "6to4 of 192.168.1.1" },
        { "2002:7f00:1::", "6to4 of 127.0.0.1" },
        { "2001:0:4136:e378:8000:63bf:80ff:fefe", "Teredo, client 127.0.1.1 (obfuscated)" },
        { "2001:0:a00:1::", "Teredo, server 10.0.0.1" },
    };

    [Theory]
    [MemberData(nameof(EmbeddedPrivateIPv4))]
    public void An_embedded_private_ipv4_address_is_not_public(string address, string form) =>
        Assert.False(NetworkGuard.IsPublic(IPAddress.Parse(address)), form);

    [Theory]
    [InlineData("::8.8.8.8")]
    [InlineData("::ffff:0:808:808")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:f7f7:f7f7")]
    public void An_embedded_public_ipv4_address_stays_public(string address) =>
        Assert.True(NetworkGuard.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task Registration_refuses_every_ipv6_form_of_a_private_ipv4_address()
    {
        await using var server = await TestServer.StartAsync(null, "Ekyc:Roles=api");
        using var client = server.Client();
        foreach (var (address, form) in EmbeddedPrivateIPv4.Select(row => ((string)row[0], (string)row[1])))
        {
            var response = await client.PostAsJsonAsync("/v1/webhook-endpoints", new { url = $"https://[{address}]/hook" });
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{form} [{address}]: {response.StatusCode}");
            await Api.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "webhook_url_not_allowed");
        }
    }

    [Fact]
    public async Task By_default_registration_refuses_http_and_private_or_loopback_hosts()
    {
        await using var server = await TestServer.StartAsync(null, "Ekyc:Roles=api");
        using var client = server.Client();
        foreach (var url in new[] { "http://example.com/hook", "https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook",
                     "https://169.254.169.254/latest", "https://10.0.0.8/hook", "https://user:pw@example.com/hook" })
        {
            await Api.AssertProblemAsync(await client.PostAsJsonAsync("/v1/webhook-endpoints", new { url }),
                HttpStatusCode.UnprocessableEntity, "webhook_url_not_allowed");
        }
    }

    [Fact]
    public async Task A_plain_http_session_url_fails_at_once_without_a_request_or_retries()
    {
        await using var server = await TestServer.StartAsync(null, "Ekyc:Webhooks:PollInterval=00:00:00.050", "Ekyc:Webhooks:RetrySchedule=50ms,50ms");
        using var client = server.Client();
        var id = (await Api.CreateSessionAsync(client)).Id();
        await Db.SetWebhookUrlAsync(server, id, "http://example.com/hook");
        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());

        var failed = await WebhookApi.WaitForDeliveryAsync(client, $"session_id={id}", d => d.Str("status") == "failed");
        var attempt = Assert.Single(failed["attempts"]!.AsArray())!;
        Assert.StartsWith("refused:", attempt.Str("error"));
        Assert.Equal(0, attempt["duration_ms"]!.GetValue<double>());
    }

    [Fact]
    public async Task At_delivery_time_a_host_resolving_to_loopback_is_never_connected_to()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // Plain http is allowed here, private networks are not: only the address check can stop this delivery.
        await using var server = await TestServer.StartAsync(null, "Ekyc:Webhooks:AllowHttp=true", "Ekyc:Webhooks:PollInterval=00:00:00.050",
            "Ekyc:Webhooks:RetrySchedule=50ms");
        using var client = server.Client();
        var path = receiver.Path("ssrf");
        // The URL passed the check at creation, then its name came to resolve to loopback (DNS rebinding).
        var id = (await Api.CreateSessionAsync(client)).Id();
        await Db.SetWebhookUrlAsync(server, id, receiver.Url(path, "localhost"));
        await Api.UploadDocumentAsync(client, id, TestImages.Jpeg());

        var failed = await WebhookApi.WaitForDeliveryAsync(client, $"session_id={id}", d => d.Str("status") == "failed");
        foreach (var attempt in failed["attempts"]!.AsArray())
        {
            Assert.Null(attempt!["status_code"]);
            Assert.StartsWith("blocked:", attempt.Str("error"));
        }
        Assert.Empty(receiver.ReceivedOn(path));
    }
}
