using FluentAssertions;
using NUnit.Framework;
using WisCte.Reqnroll.NUnit.Tests.Support;

namespace WisCte.Reqnroll.NUnit.Tests;

/// <summary>`dotnet test --filter "TestCategory=&lt;tag&gt;"` runs exactly the scenarios that carry the tag.</summary>
public sealed class FilterTests
{
    [TestCase("in-rule", new[] { "Rule background runs after the feature background" }, TestName = "A scenario tag selects that scenario")]
    [TestCase("rule-tag", new[] { "Rule background runs after the feature background" }, TestName = "A rule tag selects the scenarios of the rule")]
    [TestCase("backgrounds", new[] { "Feature background runs before the scenario steps", "Rule background runs after the feature background" }, TestName = "A feature tag selects every scenario of the feature")]
    [TestCase("first-examples", new[] { "Outline rows substitute their values [word=alpha]", "Outline rows substitute their values [word=beta]" }, TestName = "An Examples tag selects its rows")]
    public async Task Filter_by_tag_runs_exactly_the_tagged_scenarios(string tag, string[] expected)
    {
        var run = await SampleRun.RunAsync($"filter-{tag}", $"TestCategory={tag}");

        run.Process.ExitCode.Should().Be(0, run.Process.Output);
        run.Results.Select(r => r.Name).Should().BeEquivalentTo(expected);
        run.Results.Should().OnlyContain(r => r.Outcome == "Passed");
        run.Report.Executions.Should().HaveCount(expected.Length);
    }
}
