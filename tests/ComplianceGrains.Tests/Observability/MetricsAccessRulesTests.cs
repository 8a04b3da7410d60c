using System.Net;
using ComplianceGrains.Silo.Telemetry;
using Microsoft.Extensions.Configuration;

namespace ComplianceGrains.Tests.Observability;

public sealed class MetricsAccessRulesTests
{
    private static MetricsAccessRules Rules(params (string Key, string Value)[] settings) =>
        MetricsAccessRules.From(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.1", false)]
    public void Without_networks_only_loopback_scrapes_without_a_token(string address, bool allowed) =>
        Assert.Equal(allowed, Rules().AllowsWithoutToken(IPAddress.Parse(address)));

    [Fact]
    public void Networks_come_as_a_comma_separated_string_or_as_a_list()
    {
        var fromString = Rules(("Metrics:AllowedNetworks", "172.28.0.200/32, 10.0.0.0/8"));
        var fromList = Rules(("Metrics:AllowedNetworks:0", "172.28.0.200/32"), ("Metrics:AllowedNetworks:1", "10.0.0.0/8"));

        foreach (var rules in new[] { fromString, fromList })
        {
            Assert.True(rules.AllowsWithoutToken(IPAddress.Parse("172.28.0.200")));
            Assert.True(rules.AllowsWithoutToken(IPAddress.Parse("::ffff:10.1.2.3")));
            Assert.False(rules.AllowsWithoutToken(IPAddress.Parse("172.28.0.1")));
            Assert.False(rules.AllowsWithoutToken(null));
        }
    }

    [Fact]
    public void A_setting_that_is_not_a_network_stops_the_start_with_its_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Rules(("Metrics:AllowedNetworks", "10.0.0.0/8, prometheus")));
        Assert.Contains("'prometheus'", error.Message);
        Assert.Contains("Metrics:AllowedNetworks", error.Message);
    }
}
