using FluentAssertions;
using Reqnroll;

namespace WisCte.Reqnroll.NUnit.Samples.Steps;

/// <summary>
/// Scenario-level hooks note themselves in the scenario's journal; run-level and feature-level hooks, which no
/// scenario can observe to the end, append to the file named by WISCTE_SAMPLE_HOOK_LOG for the adapter tests to read.
/// </summary>
[Binding]
public sealed class HookSteps(Journal journal)
{
    private static readonly Lock FileLock = new();

    private static void Log(string line)
    {
        var path = Environment.GetEnvironmentVariable("WISCTE_SAMPLE_HOOK_LOG");
        if (path is null)
            return;
        lock (FileLock)
            File.AppendAllLines(path, [line]);
    }

    [BeforeTestRun]
    public static void BeforeTestRun() => Log("BeforeTestRun");

    [AfterTestRun]
    public static void AfterTestRun() => Log("AfterTestRun");

    [BeforeFeature("hooks")]
    public static void BeforeFeature(FeatureContext feature) => Log($"BeforeFeature {feature.FeatureInfo.Title}");

    [AfterFeature("hooks")]
    public static void AfterFeature(FeatureContext feature) => Log($"AfterFeature {feature.FeatureInfo.Title}");

    [BeforeScenario("hooks")]
    public void BeforeScenario() => journal.Hooks.Add("BeforeScenario");

    [AfterScenario("hooks")]
    public static void AfterScenario(ScenarioContext scenario) => Log($"AfterScenario {scenario.ScenarioInfo.Title}");

    [BeforeScenarioBlock("hooks")]
    public void BeforeBlock() => journal.Hooks.Add("BeforeScenarioBlock");

    [AfterScenarioBlock("hooks")]
    public void AfterBlock() => journal.Hooks.Add("AfterScenarioBlock");

    [BeforeStep("hooks")]
    public void BeforeStep() => journal.Hooks.Add("BeforeStep");

    [AfterStep("hooks")]
    public void AfterStep() => journal.Hooks.Add("AfterStep");

    [Then("the hooks of this scenario so far were {string}")]
    public void HooksSoFar(string expected) => string.Join(", ", journal.Hooks).Should().Be(expected);
}
