using FluentAssertions;
using NUnit.Framework;
using WisCte.Reqnroll.NUnit.Tests.Support;

namespace WisCte.Reqnroll.NUnit.Tests;

/// <summary>Each Gherkin construct the adapter supports, seen both in NUnit's verdict and in the report's NDJSON.</summary>
public sealed class ConstructTests
{
    private SampleRun _run = null!;

    [OneTimeSetUp]
    public async Task RunSamples() => _run = await SampleRun.AllAsync();

    private static string[] Statuses(WisCte.Reqnroll.NUnit.Reporting.ReportExecution execution) => [.. execution.Steps.Select(s => s.Status)];

    [Test]
    public void Feature_and_rule_backgrounds_run_in_order_before_the_scenario_steps()
    {
        _run.Result("Feature background runs before the scenario steps").Outcome.Should().Be("Passed");
        _run.Result("Rule background runs after the feature background").Outcome.Should().Be("Passed");

        var inRule = _run.Execution("Rule background runs after the feature background");
        inRule.ScenarioSteps.Select(s => s.Text).Should().Equal(
            "the journal notes \"feature background\"",
            "the journal notes \"rule background\"",
            "the journal notes \"scenario step\"",
            "the journal reads \"feature background, rule background, scenario step\"");
        inRule.ScenarioSteps.Should().OnlyContain(s => s.Status == "PASSED");
        inRule.Pickle.Tags.Should().BeEquivalentTo("@sample", "@backgrounds", "@rule-tag", "@in-rule");
    }

    [Test]
    public void Data_tables_and_doc_strings_reach_their_steps()
    {
        _run.Result("A data table reaches the step").Outcome.Should().Be("Passed");
        _run.Result("A doc string reaches the step").Outcome.Should().Be("Passed");
        _run.Execution("A data table reaches the step").ScenarioSteps.Should().HaveCount(3).And.OnlyContain(s => s.Status == "PASSED");
        _run.Execution("A doc string reaches the step").ScenarioSteps.Should().HaveCount(2).And.OnlyContain(s => s.Status == "PASSED");
    }

    [Test]
    public void Star_and_but_keywords_run_their_steps()
    {
        _run.Result("Star and But keywords run steps").Outcome.Should().Be("Passed");
        _run.Execution("Star and But keywords run steps").ScenarioSteps.Should().HaveCount(3).And.OnlyContain(s => s.Status == "PASSED");
    }

    [Test]
    public void Each_outline_example_row_is_one_test_named_by_its_values()
    {
        foreach (var word in new[] { "alpha", "beta", "gamma" })
            _run.Result($"Outline rows substitute their values [word={word}]").Outcome.Should().Be("Passed");
        _run.Report.Executions.Where(e => e.Pickle.Name == "Outline rows substitute their values")
            .SelectMany(e => e.ScenarioSteps.Select(s => s.Text))
            .Should().Contain(["the journal reads \"alpha\"", "the journal reads \"beta\"", "the journal reads \"gamma\""]);
    }

    [Test]
    public void Examples_tags_apply_to_their_rows_only()
    {
        var rows = _run.Report.Executions.Where(e => e.Pickle.Name == "Outline rows substitute their values").ToList();
        rows.Should().HaveCount(3, "the @ignore Examples row is not executed");
        rows.Count(r => r.Pickle.Tags.Contains("@first-examples")).Should().Be(2);
        rows.Count(r => r.Pickle.Tags.Contains("@second-examples")).Should().Be(1);
    }

    [Test]
    public void Duplicate_example_rows_get_unique_test_names()
    {
        _run.Result("Duplicate example rows get unique test names [word=same]").Outcome.Should().Be("Passed");
        _run.Result("Duplicate example rows get unique test names [word=same] #2").Outcome.Should().Be("Passed");
    }

    [Test]
    public void Every_test_name_is_unique_within_its_feature_fixture() =>
        _run.Results.GroupBy(r => (r.FixtureClass, r.Name)).Should().OnlyContain(g => g.Count() == 1);

    [Test]
    public void Fixtures_are_named_after_the_feature_file_path()
    {
        _run.Results.Where(r => r.Name.StartsWith("Rule background", StringComparison.Ordinal))
            .Should().ContainSingle().Which.FixtureClass.Should().Be("Features.Constructs.BackgroundsAndRulesFeature");
    }

    [Test]
    public void Every_hook_kind_runs_in_reqnrolls_order()
    {
        _run.Result("Every hook kind runs around a scenario").Outcome.Should().Be("Passed");
        _run.HookLog.Should().ContainInConsecutiveOrder(
            "BeforeFeature Hooks", "AfterScenario Every hook kind runs around a scenario", "AfterFeature Hooks");
        _run.HookLog[0].Should().Be("BeforeTestRun");
        _run.HookLog[^1].Should().Be("AfterTestRun");

        var execution = _run.Execution("Every hook kind runs around a scenario");
        execution.Steps.Where(s => s.IsHook).Select(s => s.Text).Should().Contain(["BEFORE_TEST_CASE", "AFTER_TEST_CASE", "BEFORE_TEST_STEP", "AFTER_TEST_STEP"]);
        execution.Steps.Should().OnlyContain(s => s.Status == "PASSED");
        _run.Report.RunHooks.Should().Contain(h => h.Method == "BeforeFeature" && h.Status == "PASSED");
    }

    [Test]
    public void Binding_classes_share_injected_state_and_get_every_context()
    {
        _run.Result("Binding classes share injected state and contexts").Outcome.Should().Be("Passed");
        _run.Result("Each scenario gets fresh state").Outcome.Should().Be("Passed");
        _run.Execution("Binding classes share injected state and contexts").ScenarioSteps.Should().HaveCount(5).And.OnlyContain(s => s.Status == "PASSED");
    }

    [Test]
    public void Scoped_bindings_answer_only_in_their_scope()
    {
        _run.Result("The binding scoped to this feature's tag answers").Outcome.Should().Be("Passed");
        _run.Result("The binding scoped to this feature's title answers").Outcome.Should().Be("Passed");
    }

    [Test]
    public void A_feature_in_another_language_runs()
    {
        _run.Result("Ein Schritt mit deutschen Schlüsselwörtern").Outcome.Should().Be("Passed");
        _run.Execution("Ein Schritt mit deutschen Schlüsselwörtern").ScenarioSteps.Should().OnlyContain(s => s.Status == "PASSED");
    }

    [Test]
    public void A_step_attaches_text_and_json_to_the_report()
    {
        _run.Result("A step attaches text and JSON to the report").Outcome.Should().Be("Passed");
        var attachments = _run.Execution("A step attaches text and JSON to the report").Attachments;
        attachments.Should().Contain(a => a.MediaType == "text/plain" && a.Text == "POST /data/v3/ed-fi/students");
        attachments.Should().Contain(a => a.MediaType == "application/json" && a.Text.Contains("\"status\": 201", StringComparison.Ordinal));
        attachments.Should().Contain(a => a.MediaType == "text/x.cucumber.log+plain" && a.Text == "attached a note and a JSON body");
    }

    [Test]
    public void The_report_carries_every_loaded_feature_and_closes_the_run()
    {
        _run.Report.Sources.Should().Contain("Features/constructs/backgrounds-and-rules.feature")
            .And.Contain("Features/outcomes/pass-fail.feature")
            .And.NotContain(s => s.Contains("broken", StringComparison.Ordinal));
        _run.Report.Success.Should().BeFalse("the samples include failures on purpose");
        File.Exists(_run.HtmlReport).Should().BeTrue();
    }
}
