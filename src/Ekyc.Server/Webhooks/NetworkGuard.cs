using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Ekyc.Server.Webhooks;

/// <summary>
/// The SSRF guard. A receiver URL must be https and resolve only to public addresses, unless configuration
/// allows http or private networks. It is checked when an endpoint is registered and again on every
/// connection: the delivery connects to the address it checked, so a DNS answer that changes in between
/// (DNS rebinding) cannot steer a delivery into the private network.
/// </summary>
public sealed class NetworkGuard(IOptions<Options.EkycOptions> options)
{
    // Not routable on the public internet, or meaning "this host". An IPv6 address that carries an IPv4 address
    // (mapped, translated, NAT64, 6to4, Teredo) must also pass the IPv4 rules for what it carries.
    private static readonly IPNetwork[] NonPublic =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.0.2.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"), IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/127"), IPNetwork.Parse("100::/64"), IPNetwork.Parse("2001:db8::/32"),
        IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fec0::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    private WebhookOptions Settings => options.Value.Webhooks;

    /// <summary>True when the address, and every IPv4 address embedded in it, is on the public internet.</summary>
    public static bool IsPublic(IPAddress address) =>
        IsPublicItself(address) && EmbeddedIPv4.Of(address).All(IsPublicItself);

    private static bool IsPublicItself(IPAddress address) =>
        !NonPublic.Any(network => network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address));

    public bool IsAllowed(IPAddress address) => Settings.AllowPrivateNetworks || IsPublic(address);

    /// <summary>The reason a URL may not receive webhooks (scheme, form), or null. Does not resolve the host.</summary>
    public string? CheckUrlForm(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return "An absolute URL of at most 2000 characters.";
        if (uri.Scheme == Uri.UriSchemeHttp && !Settings.AllowHttp)
            return "Only https URLs are accepted (plain http needs Ekyc:Webhooks:AllowHttp).";
        if (uri.Scheme is not ("https" or "http"))
            return "An https URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "Credentials in the URL are not accepted.";
        return null;
    }

    /// <summary>Checks the form and every address the host resolves to; the reason it is refused, or null.</summary>
    public async Task<string?> CheckUrlAsync(string? url, CancellationToken cancellationToken)
    {
        if (CheckUrlForm(url) is { } reason)
            return reason;
        var host = new Uri(url!).IdnHost;
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return $"The host '{host}' does not resolve.";
        }
        if (addresses.Length == 0)
            return $"The host '{host}' does not resolve.";
        return addresses.All(IsAllowed) ? null
            : $"The host '{host}' resolves to a private, loopback or link-local address (allowed only with Ekyc:Webhooks:AllowPrivateNetworks).";
    }

    /// <summary>
    /// <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, keeps the allowed addresses and
    /// connects to one of those, so the checked address is the connected address.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var allowed = (await ResolveAsync(endpoint.Host, cancellationToken)).Where(IsAllowed).ToArray();
        if (allowed.Length == 0)
            throw new BlockedAddressException(endpoint.Host);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
}

/// <summary>The receiver's host resolved only to addresses the SSRF guard refuses.</summary>
public sealed class BlockedAddressException(string host)
    : Exception($"blocked: '{host}' resolves only to private, loopback or link-local addresses")
{
    public string Host { get; } = host;
}
