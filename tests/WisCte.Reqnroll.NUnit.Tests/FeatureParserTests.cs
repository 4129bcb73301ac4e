using FluentAssertions;
using NUnit.Framework;
using WisCte.Reqnroll.NUnit.Catalog;

namespace WisCte.Reqnroll.NUnit.Tests;

public sealed class FeatureParserTests
{
    private const string Valid = """
        @lea
        Feature: Enrolment
          Background:
            Given a school
          Rule: Count date
            Background:
              Given a count date
            @uc-15.3
            Scenario Outline: Receiving service on the count date
              * a student "<student>"
              But not absent
              Examples:
                | student |
                | 1001    |
        """;

    [TestCase("features/dpi-samples/json-samples.feature", "DpiSamples.JsonSamplesFeature")]
    [TestCase("features/uc-15.3_attendance.feature", "Uc153AttendanceFeature")]
    [TestCase("top.feature", "TopFeature")]
    public void Fixture_names_come_from_the_path(string path, string expected) =>
        FeatureParser.FixtureNameFor(path).Should().Be(expected);

    [Test]
    public void A_scenario_plan_follows_pickle_order_with_tags_arguments_and_keywords()
    {
        var feature = FeatureParser.Parse("features/enrolment.feature", Valid);

        feature.LoadError.Should().BeNull();
        var scenario = feature.Scenarios.Should().ContainSingle().Subject;
        scenario.DisplayName.Should().Be("Receiving service on the count date [student=1001]");
        scenario.Title.Should().Be("Receiving service on the count date");
        scenario.Tags.Should().Equal("uc-15.3");
        scenario.InheritedTags.Should().Equal("lea");
        scenario.RuleTitle.Should().Be("Count date");
        scenario.Arguments.Should().Equal([KeyValuePair.Create("student", "1001")]);
        scenario.Steps.Select(s => (s.Kind, s.Text)).Should().Equal(
            (StepKind.Given, "a school"), (StepKind.Given, "a count date"), (StepKind.And, "a student \"1001\""), (StepKind.But, "not absent"));
        feature.FeatureInfo!.Tags.Should().Equal("lea");
    }

    [Test]
    public void An_outline_row_whose_title_has_placeholders_is_named_by_the_filled_in_title()
    {
        var feature = FeatureParser.Parse("features/x.feature", """
            Feature: X
              Scenario Outline: Program <name> is valid in <year>
                Given <name>
                Examples:
                  | name | year |
                  | IRC  | 2025 |
                  | IRC  | 2025 |
            """);

        feature.Scenarios.Select(s => s.DisplayName).Should().Equal("Program IRC is valid in 2025", "Program IRC is valid in 2025 #2");
        feature.Scenarios[0].Title.Should().Be("Program <name> is valid in <year>");
    }

    [Test]
    public void Message_ids_are_stable_between_loads_and_differ_between_files()
    {
        static string FirstPickleId(string path) =>
            FeatureParser.Parse(path, Valid).Messages!.Pickles.First().Id;

        FirstPickleId("features/a.feature").Should().Be(FirstPickleId("features/a.feature"));
        FirstPickleId("features/a.feature").Should().NotBe(FirstPickleId("features/b.feature"));
    }

    [TestCase("Feature: X\n  Scenario: Y\n    Given z\n  this line is not Gherkin\n", "features/x.feature(4:", TestName = "A syntax error names the file and line")]
    [TestCase("# only a comment\n", "has no 'Feature:' line", TestName = "A file without a feature is an error")]
    [TestCase("Feature: X\n  Scenario Outline: Y\n    Given <a>\n", "has no Examples rows", TestName = "An outline without examples is an error")]
    [TestCase("Feature: X\n  Scenario Outline: Y\n    Given <a>\n    Examples:\n      | a | a |\n      | 1 | 2 |\n", "the column 'a' more than once", TestName = "A repeated Examples column is an error")]
    [TestCase("Feature: X\n  Scenario: Y\n    Given a\n  Scenario: Y\n    Given b\n", "'Y' is used more than once (lines 2, 4)", TestName = "A repeated scenario name is an error")]
    public void A_bad_file_becomes_a_load_error(string text, string expected)
    {
        var feature = FeatureParser.Parse("features/x.feature", text);

        feature.LoadError.Should().Contain("features/x.feature").And.Contain(expected);
        feature.Scenarios.Should().BeEmpty();
    }
}
