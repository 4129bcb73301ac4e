using System.Text.Json;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Cli.Commands;
using WisCte.ReferenceSis.Ledger;

namespace WisCte.Cli.Tests;

public sealed class CleanupSettingsTests
{
    private const string Simulator = "http://127.0.0.1:5080/";
    private readonly List<string> _files = [];

    [TearDown]
    public void DeleteFiles()
    {
        foreach (var file in _files)
            File.Delete(file);
        _files.Clear();
    }

    [Test]
    public void The_base_url_comes_from_the_ledger_and_the_credentials_from_the_environment()
    {
        var ledger = Ledger(Entry(1, Simulator), Entry(2, "http://127.0.0.1:5080"));

        var settings = From(ledger, clientId: null, secret: null,
            environment: new() { ["WISCTE_CLIENT_ID"] = "env-sis", ["WISCTE_CLIENT_SECRET"] = "env-s3cret" });

        settings.Entries.Should().HaveCount(2);
        settings.BaseUrl.Should().Be(new Uri(Simulator), "a trailing slash or not, it is one endpoint");
        (settings.ClientId, settings.ClientSecret).Should().Be(("env-sis", "env-s3cret"));
        settings.YearInRoute.Should().BeTrue("a loopback address is the simulator, with /{year}/ routes");
        settings.ToString().Should().NotContain("env-s3cret");
    }

    [Test]
    public void Options_win_over_the_ledger_and_the_environment()
    {
        var ledger = Ledger(Entry(1, Simulator));

        var settings = From(ledger, baseUrl: "https://wisedata.example/2026-api", clientId: "opt-sis", secret: "opt-s3cret",
            environment: new() { ["WISCTE_CLIENT_ID"] = "env-sis", ["WISCTE_CLIENT_SECRET"] = "env-s3cret" });

        settings.BaseUrl.Should().Be(new Uri("https://wisedata.example/2026-api/"));
        (settings.ClientId, settings.ClientSecret).Should().Be(("opt-sis", "opt-s3cret"));
        settings.YearInRoute.Should().BeFalse("a real WISEdata year has its own base URL");
        settings.RecordedBaseUrls.Should().Equal(new Uri(Simulator));
    }

    [TestCase("http://localhost:5080/", null, true)]
    [TestCase("http://[::1]:5080/", null, true)]
    [TestCase("https://wisedata.example/", null, false)]
    [TestCase("https://wisedata.example/", "true", true)]
    [TestCase("http://127.0.0.1:5080/", "False", false)]
    public void Year_in_route_defaults_to_loopback_and_can_be_given(string baseUrl, string? given, bool expected) =>
        From(Ledger(Entry(1, baseUrl)), yearInRoute: given).YearInRoute.Should().Be(expected);

    [Test]
    public void Records_at_two_base_urls_need_base_url()
    {
        var ledger = Ledger(Entry(1, Simulator), Entry(2, "https://wisedata.example/"));

        FluentActions.Invoking(() => From(ledger)).Should().Throw<SettingsException>()
            .WithMessage("*more than one base URL (http://127.0.0.1:5080/, https://wisedata.example/)*--base-url*");
        From(ledger, baseUrl: Simulator).RecordedBaseUrls.Should().HaveCount(2);
    }

    [TestCase("not a url")]
    [TestCase("ftp://wisedata.example/")]
    [TestCase("/relative/path")]
    public void A_bad_base_url_is_named(string baseUrl) =>
        FluentActions.Invoking(() => From(Ledger(Entry(1, Simulator)), baseUrl: baseUrl)).Should().Throw<SettingsException>()
            .WithMessage($"--base-url '{baseUrl}' is not an absolute http(s) URL*");

    [Test]
    public void A_bad_year_in_route_is_named() =>
        FluentActions.Invoking(() => From(Ledger(Entry(1, Simulator)), yearInRoute: "maybe")).Should().Throw<SettingsException>()
            .WithMessage("--year-in-route 'maybe' should be true or false.");

    [TestCase(null, "s3cret", "No client id: give --client-id or set WISCTE_CLIENT_ID.")]
    [TestCase("sis", null, "No client secret: give --client-secret or set WISCTE_CLIENT_SECRET.")]
    [TestCase("  ", "s3cret", "No client id: give --client-id or set WISCTE_CLIENT_ID.")]
    public void Missing_credentials_are_named(string? clientId, string? secret, string expected) =>
        FluentActions.Invoking(() => CleanupSettings.From(Ledger(Entry(1, Simulator)), null, clientId, secret, null, _ => null))
            .Should().Throw<SettingsException>().WithMessage(expected);

    [TestCase("../students", "0123456789abcdef", "'../students' is not a resource name*")]
    [TestCase("students", "abc/../../schools/123", "'abc/../../schools/123' is not a resource id.")]
    [TestCase("", "", "not a ledger entry (it names no resource and id).")]
    public void An_entry_that_cannot_be_deleted_safely_is_named_by_file_and_line(string resource, string id, string expected)
    {
        var ledger = Ledger(Entry(1, Simulator), Entry(2, Simulator) with { Resource = resource, Id = id });

        FluentActions.Invoking(() => From(ledger)).Should().Throw<SettingsException>().WithMessage($"--ledger: {ledger}:3: {expected}");
    }

    [Test]
    public void A_missing_ledger_is_named() =>
        FluentActions.Invoking(() => From("/no/such/dir/run-x.ndjson")).Should().Throw<SettingsException>()
            .WithMessage("--ledger: there is no ledger at /no/such/dir/run-x.ndjson.");

    [Test]
    public void An_empty_ledger_needs_neither_a_base_url_nor_credentials()
    {
        var settings = CleanupSettings.From(Ledger(), null, null, null, null, _ => null);

        settings.Entries.Should().BeEmpty();
        settings.BaseUrl.Should().BeNull();
    }

    private static CleanupSettings From(
        string ledger, string? baseUrl = null, string? clientId = "sis", string? secret = "s3cret", string? yearInRoute = null,
        Dictionary<string, string>? environment = null) =>
        CleanupSettings.From(ledger, baseUrl, clientId, secret, yearInRoute, name => environment?.GetValueOrDefault(name));

    private static LedgerEntry Entry(long sequence, string baseUrl) =>
        new("run1", sequence, DateTimeOffset.UtcNow, baseUrl, 2026, "students", $"{sequence:D32}", $"student WCrun1{sequence:D4}");

    /// <summary>A ledger file of these entries, with a blank line after the first (line numbers count it).</summary>
    private string Ledger(params LedgerEntry[] entries)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wiscte-ledger-{Guid.NewGuid():N}.ndjson");
        _files.Add(path);
        var lines = entries.Select(e => JsonSerializer.Serialize(e, RunLedger.JsonOptions)).ToList();
        if (lines.Count > 1)
            lines.Insert(1, "");
        File.WriteAllLines(path, lines);
        return path;
    }
}
