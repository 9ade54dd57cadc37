using System.Net;
using Parallax.Ingest.Fetch;

namespace Parallax.Ingest.Tests.Fetch;

public sealed class AddressGuardTests
{
    private static readonly AddressGuard Strict = new(allowLoopback: false, allowPrivateNetworks: false);

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.8.9.10", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("172.16.5.4", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.169.254", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.254", "carrier-grade NAT")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::", "unspecified")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("fc00::1", "unique local")]
    [InlineData("fd12:3456::1", "unique local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("::ffff:10.0.0.1", "10.0.0.1 is a private")]
    [InlineData("::ffff:127.0.0.1", "127.0.0.1 is a loopback")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("2002:c0a8:0101::1", "private")]
    public void Non_public_addresses_are_refused_with_their_kind(string address, string reason)
    {
        var refusal = Strict.Refusal(IPAddress.Parse(address));
        Assert.NotNull(refusal);
        Assert.Contains(reason, refusal);
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:93.184.216.34")]
    public void Public_addresses_are_allowed(string address) => Assert.Null(Strict.Refusal(IPAddress.Parse(address)));

    [Fact]
    public void The_options_open_loopback_and_private_networks_separately_and_never_multicast()
    {
        var loopback = new AddressGuard(allowLoopback: true, allowPrivateNetworks: false);
        Assert.Null(loopback.Refusal(IPAddress.Loopback));
        Assert.NotNull(loopback.Refusal(IPAddress.Parse("10.0.0.1")));

        var lan = new AddressGuard(allowLoopback: false, allowPrivateNetworks: true);
        Assert.Null(lan.Refusal(IPAddress.Parse("192.168.1.1")));
        Assert.NotNull(lan.Refusal(IPAddress.Loopback));
        Assert.NotNull(lan.Refusal(IPAddress.Parse("224.0.0.1")));
        Assert.NotNull(lan.Refusal(IPAddress.Any));
    }
}
