using System.Net;
using System.Net.Sockets;

namespace Parallax.Ingest.Fetch;

/// <summary>
/// The SSRF guard: which addresses a fetch may connect to. A feed URL is user input, and a redirect or a DNS answer
/// can point anywhere, so every address a connection is about to use is checked here (from the connect callback,
/// after DNS, so a name that resolves to a private address, or re-resolves to one, is refused too).
/// </summary>
public sealed class AddressGuard(bool allowLoopback, bool allowPrivateNetworks)
{
    public AddressGuard(FetchOptions options) : this(options.AllowLoopback, options.AllowPrivateNetworks)
    {
    }

    /// <summary>Why a connection to the address is refused, or null when it is allowed.</summary>
    public string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            // ::ffff:10.0.0.1 reaches 10.0.0.1: judge the IPv4 address inside.
            return Refusal(address.MapToIPv4());
        }

        var kind = Classify(address);
        return kind switch
        {
            null => null,
            "loopback" when allowLoopback => null,
            "loopback" => $"{address} is a loopback address; fetching it is refused (the SSRF guard; allow it in the fetch settings)",
            "multicast" or "unspecified" or "broadcast" or "reserved" => $"{address} is a {kind} address, which is never fetched",
            _ when allowPrivateNetworks => null,
            _ => $"{address} is a {kind} address; fetching it is refused (the SSRF guard; allow private networks in the fetch settings)",
        };
    }

    /// <summary>What kind of non-public address this is, or null for a public one.</summary>
    internal static string? Classify(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return (b[0], b[1], b[2], b[3]) switch
            {
                (0, 0, 0, 0) => "unspecified",
                (255, 255, 255, 255) => "broadcast",
                (0, _, _, _) => "reserved",
                (127, _, _, _) => "loopback",
                (10, _, _, _) => "private",
                (172, >= 16 and <= 31, _, _) => "private",
                (192, 168, _, _) => "private",
                (169, 254, _, _) => "link-local",
                (100, >= 64 and <= 127, _, _) => "carrier-grade NAT (shared)",
                (192, 0, 0, _) => "IETF protocol (private)",
                (192, 0, 2, _) or (198, 51, 100, _) or (203, 0, 113, _) => "documentation (reserved)",
                (198, 18 or 19, _, _) => "benchmarking (private)",
                ( >= 224 and <= 239, _, _, _) => "multicast",
                ( >= 240, _, _, _) => "reserved",
                _ => null,
            };
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "non-IP";
        }

        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        if (IPAddress.IsLoopback(address))
        {
            return "loopback";
        }

        Span<byte> v6 = stackalloc byte[16];
        address.TryWriteBytes(v6, out _);
        if (address.IsIPv6Multicast)
        {
            return "multicast";
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
        {
            return "link-local";
        }

        if ((v6[0] & 0xFE) == 0xFC)
        {
            return "private (unique local)";
        }

        // IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) embed an IPv4 address: judge it.
        if (v6[..12].IndexOfAnyExcept((byte)0) < 0 || (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xFF && v6[3] == 0x9B && v6[4..12].IndexOfAnyExcept((byte)0) < 0))
        {
            return Classify(new IPAddress(v6[12..]));
        }

        if (v6[0] == 0x20 && v6[1] == 0x02)
        {
            return Classify(new IPAddress(v6[2..6]));
        }

        if (v6[0] == 0x20 && v6[1] == 0x01 && v6[2] == 0x0D && v6[3] == 0xB8)
        {
            return "documentation (reserved)";
        }

        return null;
    }
}
