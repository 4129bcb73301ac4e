using FluentAssertions;
using NUnit.Framework;
using WisCte.Reqnroll.NUnit.Tests.Support;

namespace WisCte.Reqnroll.NUnit.Tests;

/// <summary>Each way a scenario can end, as NUnit reports it (which decides the exit code) and as the report records it.</summary>
public sealed class OutcomeTests
{
    private SampleRun _run = null!;

    [OneTimeSetUp]
    public async Task RunSamples() => _run = await SampleRun.AllAsync();

    private string[] StepStatuses(string scenario) => [.. _run.Execution(scenario).ScenarioSteps.Select(s => s.Status)];

    [Test]
    public void The_run_fails_because_some_samples_fail() => _run.Process.ExitCode.Should().NotBe(0);

    [Test]
    public void A_passing_scenario_passes()
    {
        _run.Result("A passing scenario").Outcome.Should().Be("Passed");
        StepStatuses("A passing scenario").Should().Equal("PASSED", "PASSED");
    }

    [Test]
    public void A_failing_step_fails_the_test_and_skips_the_steps_after_it()
    {
        var result = _run.Result("A failing scenario skips its remaining steps");
        result.Outcome.Should().Be("Failed");
        result.Message.Should().Contain("something else");
        StepStatuses("A failing scenario skips its remaining steps").Should().Equal("PASSED", "FAILED", "SKIPPED");
    }

    [Test]
    public void An_undefined_step_fails_the_test_and_suggests_a_binding()
    {
        var result = _run.Result("A step nobody has bound");
        result.Outcome.Should().Be("Failed");
        result.Message.Should().Contain("No matching step definition").And.Contain("a step nobody has bound runs");
        StepStatuses("A step nobody has bound").Should().Equal("PASSED", "UNDEFINED");
    }

    [Test]
    public void A_pending_step_fails_the_test()
    {
        _run.Result("A step still being written").Outcome.Should().Be("Failed");
        StepStatuses("A step still being written").Should().Equal("PENDING");
    }

    [Test]
    public void An_ambiguous_step_fails_the_test()
    {
        var result = _run.Result("A step two bindings claim");
        result.Outcome.Should().Be("Failed");
        result.Message.Should().Contain("Ambiguous");
        StepStatuses("A step two bindings claim").Should().Equal("AMBIGUOUS");
    }

    [Test]
    public void A_failing_before_feature_hook_fails_every_scenario_of_the_feature()
    {
        foreach (var name in new[] { "First scenario after the failing hook", "Second scenario after the failing hook" })
        {
            var result = _run.Result(name);
            result.Outcome.Should().Be("Failed");
            result.Message.Should().Match(m => m.Contains("before-feature hook failed on purpose", StringComparison.Ordinal)
                || m.Contains("previous before feature hook error", StringComparison.Ordinal));
        }
        _run.Report.RunHooks.Should().Contain(h => h.Method == "FailingBeforeFeature" && h.Status == "FAILED");
    }

    [Test]
    public void A_failing_before_scenario_hook_fails_the_test_and_skips_its_steps()
    {
        var result = _run.Result("Scenario whose before hook fails");
        result.Outcome.Should().Be("Failed");
        result.Message.Should().Contain("before-scenario hook failed on purpose");
        var execution = _run.Execution("Scenario whose before hook fails");
        execution.Steps.Should().Contain(s => s.IsHook && s.Text == "BEFORE_TEST_CASE" && s.Status == "FAILED");
        execution.ScenarioSteps.Should().OnlyContain(s => s.Status == "SKIPPED");
    }

    [Test]
    public void A_failing_after_scenario_hook_fails_the_test_in_teardown()
    {
        var result = _run.Result("Scenario whose after hook fails");
        result.Outcome.Should().Be("Failed");
        result.Message.Should().Contain("TearDown").And.Contain("after-scenario hook failed on purpose");
        var execution = _run.Execution("Scenario whose after hook fails");
        execution.ScenarioSteps.Should().OnlyContain(s => s.Status == "PASSED");
        execution.Steps.Should().Contain(s => s.IsHook && s.Text == "AFTER_TEST_CASE" && s.Status == "FAILED");
    }

    [Test]
    public void An_ignored_scenario_is_skipped_and_its_neighbour_runs()
    {
        _run.Result("An ignored scenario").Outcome.Should().Be("NotExecuted");
        _run.Result("A scenario beside it still runs").Outcome.Should().Be("Passed");
        _run.Report.Executions.Should().NotContain(e => e.Pickle.Name == "An ignored scenario");
    }

    [Test]
    public void An_ignored_feature_skips_its_scenarios()
    {
        _run.Result("A scenario of an ignored feature").Outcome.Should().Be("NotExecuted");
        _run.Report.Executions.Should().NotContain(e => e.Pickle.Name == "A scenario of an ignored feature");
    }

    [Test]
    public void An_ignored_examples_block_skips_its_rows()
    {
        _run.Result("Outline rows substitute their values [word=delta]").Outcome.Should().Be("NotExecuted");
    }

    [Test]
    public void A_feature_file_that_does_not_parse_is_a_failing_test_naming_file_line_and_problem()
    {
        var result = _run.Results.Single(r => r.FixtureClass == "Features.Outcomes.BrokenFeature");
        result.Name.Should().Be("Feature file could not be loaded");
        result.Outcome.Should().Be("Failed");
        result.Message.Should().Contain("Features/outcomes/broken.feature(7:").And.Contain("expected:");
    }

    [Test]
    public void Two_scenarios_with_one_name_are_a_load_error_naming_both_lines()
    {
        var result = _run.Results.Single(r => r.FixtureClass == "Features.Outcomes.DuplicateNamesFeature");
        result.Outcome.Should().Be("Failed");
        result.Message.Should().Contain("Features/outcomes/duplicate-names.feature").And.Contain("'Same name' is used more than once (lines 4, 7)");
    }
}
