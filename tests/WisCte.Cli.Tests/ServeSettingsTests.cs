using FluentAssertions;
using NUnit.Framework;
using WisCte.Cli.Commands;

namespace WisCte.Cli.Tests;

public sealed class ServeSettingsTests
{
    private static ServeSettings Settings(
        int port = 0, string clientId = "sis", string? secret = "s3cret", string[]? clients = null, int schoolYear = 2026,
        int tokenLifetime = 3600, string[]? faults = null, long maxBody = 1024) =>
        ServeSettings.From(port, clientId, secret, 48856, clients ?? [], schoolYear, null, tokenLifetime, faults ?? [], maxBody);

    [Test]
    public void Good_settings_become_simulator_options()
    {
        var settings = Settings(port: 5080, clients: ["other:pw:7777"], faults: ["503:POST:students:2"]);

        settings.Options.Port.Should().Be(5080);
        settings.Options.DefaultSchoolYear.EndYear.Should().Be(2026);
        settings.Options.Clients.Select(c => (c.ClientId, c.LocalEducationAgencyId)).Should().Equal(("sis", 48856L), ("other", 7777L));
        settings.Options.Faults.Should().ContainSingle().Which.Count.Should().Be(2);
        settings.SecretGenerated.Should().BeFalse();
    }

    [Test]
    public void A_missing_secret_is_generated_and_says_so()
    {
        var settings = Settings(secret: null);

        settings.SecretGenerated.Should().BeTrue();
        settings.Options.Clients[0].ClientSecret.Should().MatchRegex("^[0-9a-f]{24}$");
    }

    [TestCase(70000, "--port 70000")]
    [TestCase(-1, "--port -1")]
    public void A_bad_port_is_named(int port, string expected) =>
        FluentActions.Invoking(() => Settings(port: port)).Should().Throw<SettingsException>().WithMessage($"*{expected}*");

    [Test]
    public void A_bad_school_year_is_named() =>
        FluentActions.Invoking(() => Settings(schoolYear: 26)).Should().Throw<SettingsException>().WithMessage("*--school-year 26*2026 for 2025-26*");

    [Test]
    public void A_malformed_client_is_named_without_its_secret() =>
        FluentActions.Invoking(() => Settings(clients: ["other:topsecret"])).Should().Throw<SettingsException>()
            .Where(e => e.Message.Contains("--client", StringComparison.Ordinal) && !e.Message.Contains("topsecret", StringComparison.Ordinal));

    [Test]
    public void A_client_id_given_twice_is_refused() =>
        FluentActions.Invoking(() => Settings(clients: ["sis:x:1"])).Should().Throw<SettingsException>().WithMessage("*'sis' is given more than once*");

    [Test]
    public void A_malformed_fault_is_named() =>
        FluentActions.Invoking(() => Settings(faults: ["503:POST:students"])).Should().Throw<SettingsException>().WithMessage("--fault:*KIND:METHOD:RESOURCE*");

    [Test]
    public void A_non_positive_token_lifetime_is_refused() =>
        FluentActions.Invoking(() => Settings(tokenLifetime: 0)).Should().Throw<SettingsException>().WithMessage("*--token-lifetime 0*");
}
