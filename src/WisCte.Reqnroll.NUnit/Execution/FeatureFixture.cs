using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Runtime.ExceptionServices;
using NUnit.Framework;
using Reqnroll;
using WisCte.Reqnroll.NUnit.Catalog;

namespace WisCte.Reqnroll.NUnit.Execution;

/// <summary>
/// The NUnit fixture of one feature. It drives Reqnroll's public <see cref="ITestRunner"/> in the order the generated
/// NUnit code would: SetUp starts the feature, the test runs one scenario's steps, TearDown ends the scenario.
/// A test assembly derives one sealed class from it with <c>[TestFixtureSource]</c>; see the README.
/// </summary>
public abstract class FeatureFixture(FeatureDescriptor feature)
{
    // Keyed by NUnit test id, so scenarios of this feature may run in parallel on one fixture instance.
    private readonly ConcurrentDictionary<string, ITestRunner> _runners = new(StringComparer.Ordinal);

    protected FeatureDescriptor Feature => feature;

    private System.Reflection.Assembly TestAssembly => GetType().Assembly;

    [SetUp]
    public async Task StartScenarioAsync()
    {
        var runner = TestRunnerManager.GetTestRunnerForAssembly(TestAssembly, featureHint: feature.FeatureInfo);
        _runners[TestContext.CurrentContext.Test.ID] = runner;

        // A worker that ran another feature ends it first; its failure is reported after this feature has started.
        ExceptionDispatchInfo? previousFeatureEnd = null;
        if (runner.FeatureContext is not null && !ReferenceEquals(runner.FeatureContext.FeatureInfo, feature.FeatureInfo))
        {
            try
            {
                await runner.OnFeatureEndAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                previousFeatureEnd = ExceptionDispatchInfo.Capture(ex);
            }
        }

        if (runner.FeatureContext is { BeforeFeatureHookFailed: true })
            throw new ReqnrollException("Scenario skipped because of previous before feature hook error");
        if (runner.FeatureContext is null)
            await runner.OnFeatureStartAsync(feature.FeatureInfo).ConfigureAwait(false);
        previousFeatureEnd?.Throw();
    }

    [ReqnrollScenarios]
    public async Task Scenario(ScenarioDescriptor scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var runner = _runners[TestContext.CurrentContext.Test.ID];

        var arguments = new OrderedDictionary();
        foreach (var (name, value) in scenario.Arguments)
            arguments[name] = value;
        var scenarioInfo = new ScenarioInfo(
            scenario.Title, scenario.Description, [.. scenario.Tags], arguments, [.. scenario.InheritedTags], scenario.PickleIndex);
        var ruleInfo = scenario.RuleTitle is null ? null : new RuleInfo(scenario.RuleTitle, scenario.RuleDescription, [.. scenario.RuleTags]);

        runner.OnScenarioInitialize(scenarioInfo, ruleInfo);
        runner.ScenarioContext.ScenarioContainer.RegisterInstanceAs(TestContext.CurrentContext);

        await runner.OnScenarioStartAsync().ConfigureAwait(false);
        foreach (var step in scenario.Steps)
            await RunStepAsync(runner, step).ConfigureAwait(false);
        await runner.CollectScenarioErrorsAsync().ConfigureAwait(false);
    }

    [TearDown]
    public async Task EndScenarioAsync()
    {
        if (!_runners.TryRemove(TestContext.CurrentContext.Test.ID, out var runner))
            return;
        try
        {
            await runner.OnScenarioEndAsync().ConfigureAwait(false);
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    [OneTimeTearDown]
    public async Task EndFeatureAsync()
    {
        if (feature.FeatureInfo is not null)
            await TestRunnerManager.ReleaseFeatureAsync(feature.FeatureInfo, TestAssembly).ConfigureAwait(false);
    }

    private static Task RunStepAsync(ITestRunner runner, StepDescriptor step)
    {
        // Reqnroll's Table is mutable: a fresh one per execution.
        Table? table = null;
        if (step.Table is { Count: > 0 } rows)
        {
            table = new Table([.. rows[0]]);
            foreach (var row in rows.Skip(1))
                table.AddRow([.. row]);
        }

        return step.Kind switch
        {
            StepKind.Given => runner.GivenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKind.When => runner.WhenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKind.Then => runner.ThenAsync(step.Text, step.DocString, table, step.Keyword),
            StepKind.But => runner.ButAsync(step.Text, step.DocString, table, step.Keyword),
            _ => runner.AndAsync(step.Text, step.DocString, table, step.Keyword),
        };
    }
}
