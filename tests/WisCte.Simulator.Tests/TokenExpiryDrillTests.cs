using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

/// <summary>
/// The token-expiry drill (`wiscte certify --drill token-expiry`): the Nth data request finds every token expired, once,
/// at that request whatever the timing; a token fetched after it works.
/// </summary>
public sealed class TokenExpiryDrillTests : SimulatorTestBase
{
    protected override SimulatorOptions Options(SimulatorOptions defaults) => defaults with { ExpireTokensAtDataRequest = 3 };

    [Test]
    public async Task The_third_data_request_meets_an_expired_token_and_a_new_token_works_from_then_on()
    {
        (await Lea.GetAsync("students")).Code.Should().Be(200);
        (await Lea.GetAsync("students")).Code.Should().Be(200);

        var third = await Lea.GetAsync("students");
        third.Code.Should().Be(401);
        third.Json!["errors"]![0]!.GetValue<string>().Should().Be("Invalid token");
        (await Lea.GetAsync("students")).Code.Should().Be(401, "the old token stays expired");

        var renewed = ClientFor(null);
        for (var i = 0; i < 5; i++)
            (await renewed.GetAsync("students")).Code.Should().Be(200, "the drill expires tokens once");
    }
}
