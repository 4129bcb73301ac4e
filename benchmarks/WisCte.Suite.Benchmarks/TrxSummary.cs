using System.Globalization;
using System.Xml.Linq;

namespace WisCte.Suite.Benchmarks;

/// <summary>
/// What the suite's TRX says: how many scenario tests ran and the sum of their durations, how many other tests (the
/// guards in tests/WisCte.Specs/Guards), and the run's wall time from <c>Times</c> start to finish when both are there.
/// A scenario test is one whose fixture is a feature: its class name starts with <c>Features.</c> (the feature file's path).
/// </summary>
internal sealed record TrxSummary(int Scenarios, TimeSpan ScenarioTime, int OtherTests, TimeSpan? Wall)
{
    private const string ScenarioClassPrefix = "Features.";
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TrxSummary Read(string path)
    {
        var run = XDocument.Load(path).Root ?? throw new InvalidOperationException($"{path} is empty.");
        var classes = run.Descendants(Trx + "UnitTest").ToDictionary(
            t => (string?)t.Attribute("id") ?? "",
            t => (string?)t.Element(Trx + "TestMethod")?.Attribute("className") ?? "",
            StringComparer.Ordinal);

        var scenarios = 0;
        var others = 0;
        var scenarioTime = TimeSpan.Zero;
        foreach (var result in run.Descendants(Trx + "UnitTestResult"))
        {
            var className = classes.GetValueOrDefault((string?)result.Attribute("testId") ?? "", "");
            if (!className.StartsWith(ScenarioClassPrefix, StringComparison.Ordinal))
            {
                others++;
                continue;
            }
            scenarios++;
            if ((string?)result.Attribute("duration") is { } duration)
                scenarioTime += TimeSpan.Parse(duration, CultureInfo.InvariantCulture);
        }

        var times = run.Element(Trx + "Times");
        TimeSpan? wall = Instant(times?.Attribute("start")) is { } start && Instant(times?.Attribute("finish")) is { } finish ? finish - start : null;
        return new TrxSummary(scenarios, scenarioTime, others, wall);
    }

    private static DateTimeOffset? Instant(XAttribute? attribute) =>
        attribute is not null && DateTimeOffset.TryParse(attribute.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;
}
