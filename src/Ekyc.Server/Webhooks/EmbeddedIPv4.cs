using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Ekyc.Server.Webhooks;

/// <summary>
/// The IPv4 addresses an IPv6 address carries, so the guard can hold them to the IPv4 rules: a packet to
/// <c>[::ffff:0:7f00:1]</c> or <c>[2002:a00:1::]</c> reaches 127.0.0.1 or 10.0.0.1 through a translator or tunnel.
/// </summary>
public static class EmbeddedIPv4
{
    private static readonly byte[] Compatible = new byte[12];
    private static readonly byte[] Mapped = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF];
    private static readonly byte[] Translated = [0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0];
    private static readonly byte[] Nat64WellKnown = [0, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] Nat64LocalUse = [0, 0x64, 0xFF, 0x9B, 0, 1];
    private static readonly byte[] SixToFour = [0x20, 0x02];
    private static readonly byte[] Teredo = [0x20, 0x01, 0, 0];

    /// <summary>Every IPv4 address <paramref name="address"/> may deliver to; empty for plain IPv6 (and for IPv4).</summary>
    public static IReadOnlyList<IPAddress> Of(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return [];
        // Prefixes compared on the bytes: IPNetwork.Contains does not match ::ffff:0:0/96 against mapped addresses.
        var bytes = address.GetAddressBytes();
        var span = bytes.AsSpan();
        if (span.StartsWith(Compatible) || span.StartsWith(Mapped) || span.StartsWith(Translated) || span.StartsWith(Nat64WellKnown))
            return [At(bytes, 12)];
        if (span.StartsWith(Nat64LocalUse))
            return LocalUseCandidates(bytes);
        if (span.StartsWith(SixToFour))
            return [At(bytes, 2)];
        if (span.StartsWith(Teredo))
            return [At(bytes, 4), Obfuscated(bytes, 12)];
        return [];
    }

    private static IPAddress At(byte[] bytes, int offset) => new(bytes.AsSpan(offset, 4));

    /// <summary>Teredo stores the client's address with every bit inverted (RFC 4380 §4).</summary>
    private static IPAddress Obfuscated(byte[] bytes, int offset)
    {
        Span<byte> v4 = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(v4, ~BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset, 4)));
        return new IPAddress(v4);
    }

    /// <summary>
    /// A local-use NAT64 network (RFC 8215) may be any prefix length inside 64:ff9b:1::/48, and the IPv4 address
    /// sits where RFC 6052 §2.2 puts it for that length (skipping the reserved bits 64–71): every placement counts.
    /// </summary>
    private static IPAddress[] LocalUseCandidates(byte[] bytes) =>
    [
        new([bytes[6], bytes[7], bytes[9], bytes[10]]),   // /48
        new([bytes[7], bytes[9], bytes[10], bytes[11]]),  // /56
        new([bytes[9], bytes[10], bytes[11], bytes[12]]), // /64
        At(bytes, 12),                                   // /96
    ];
}
