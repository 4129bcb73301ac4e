using FluentAssertions;
using NUnit.Framework;
using WisCte.Dpi.Waivers;

namespace WisCte.Dpi.Tests;

/// <summary>A waivers file read as of a day: what it waives, and every way it can be wrong, named by its line.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)] // a file per test: the tests run at once
public sealed class WaiverFileTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly string[] Known = ["CERT-BACKOFF", "WI-L2-16.1"];
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"wiscte-waivers-{Guid.NewGuid():N}.json");

    [TearDown]
    public void RemoveFile() => File.Delete(_file);

    [Test]
    public void A_waiver_covers_its_rule_in_its_use_case_and_one_naming_none_covers_every_use_case()
    {
        var waivers = Load("""
            [
              { "rule": "CERT-BACKOFF", "useCase": "1.0", "reason": "vendor fix due in release 12.4", "approvedBy": "DPI CTE team", "expires": "2026-12-07" },
              { "rule": "wi-l2-16.1", "reason": "DPI to confirm the rule", "approvedBy": "DPI data quality", "expires": "2027-06-30" }
            ]
            """);

        waivers.For("CERT-BACKOFF", "1.0").Should().BeEquivalentTo(new Waiver("CERT-BACKOFF", "1.0", "vendor fix due in release 12.4", "DPI CTE team", Today, 2));
        waivers.For("CERT-BACKOFF", "2.0").Should().BeNull("the waiver names use case 1.0 only");
        waivers.For("WI-L2-16.1", "7.0")!.Line.Should().Be(3);
        waivers.For("WI-L2-16.1", null).Should().NotBeNull("an audit's findings name no use case");
        waivers.For("CERT-TOKEN-REUSE", "1.0").Should().BeNull();
    }

    [TestCase("""
        [
          { "rule": "CERT-BACKOFF", "reason": "r", "approvedBy": "a", "expires": "2027-01-01" },
          { "rule": "CERT-BACKOFF", "reason": "r", "approvedBy": "a", "expires": "2026-12-06" }
        ]
        """, 3, "expired on 2026-12-06", TestName = "An expired waiver is refused naming its line")]
    [TestCase("""
        [
          { "rule": "CERT-BACKOFF", "reason": "r", "approvedBy": "a", "expires": "2027-01-01" },
          { "rule": "CERT-BACKOFF", "reason": "r", "approvedBy": "a", "expires": "2027-01-01", }
          { "rule": "WI-L2-16.1" }
        ]
        """, 4, "not JSON", TestName = "Malformed JSON is refused naming its line")]
    [TestCase("""
        [
          { "rule": "CERT-BACKOFF", "reason": "r", "approvedBy": "a", "expires": "2027-01-01" },

          {
            "rule": "WI-L2-16.1", "approvedBy": "a", "expires": "2027-01-01"
          }
        ]
        """, 4, "has no \"reason\"", TestName = "A waiver without a reason is refused naming its line")]
    [TestCase("""[ { "rule": "CERT-BACKOFF", "reason": "r", "approvedBy": "a", "expiry": "2027-01-01" } ]""", 1, "'expiry' is not a member", TestName = "A misspelt member is refused")]
    [TestCase("""[ { "rule": "CERT-BACKOF", "reason": "r", "approvedBy": "a", "expires": "2027-01-01" } ]""", 1, "no rule is called 'CERT-BACKOF'", TestName = "An unknown rule is refused")]
    [TestCase("""[ { "rule": "CERT-BACKOFF", "reason": "r", "approvedBy": "a", "expires": "30/06/2027" } ]""", 1, "not a date written yyyy-MM-dd", TestName = "A date in another form is refused")]
    [TestCase("""
        [
          { "rule": "CERT-BACKOFF", "reason": "r", "approvedBy": "a", "expires": "2027-01-01" },
          { "rule": "cert-backoff", "reason": "again", "approvedBy": "a", "expires": "2027-01-01" }
        ]
        """, 3, "already waived on line 2", TestName = "A rule waived twice is refused")]
    [TestCase("""{ "rule": "CERT-BACKOFF" }""", 1, "a JSON array of waivers", TestName = "A file that is not an array is refused")]
    [TestCase("""[ "CERT-BACKOFF" ]""", 1, "a waiver is an object", TestName = "An item that is not an object is refused")]
    public void A_wrong_file_is_refused_naming_the_line(string text, int line, string problem)
    {
        var load = () => Load(text);

        load.Should().Throw<WaiverFileException>().Which.Message.Should().StartWith($"{_file}:{line}: ").And.Contain(problem);
    }

    [Test]
    public void A_missing_file_is_named()
    {
        var load = () => WaiverFile.Load(_file, Known.Contains, Today);

        load.Should().Throw<WaiverFileException>().WithMessage($"{_file}: cannot be read*");
    }

    private WaiverFile Load(string text)
    {
        File.WriteAllText(_file, text);
        return WaiverFile.Load(_file, id => Known.Contains(id, StringComparer.OrdinalIgnoreCase), Today);
    }
}
