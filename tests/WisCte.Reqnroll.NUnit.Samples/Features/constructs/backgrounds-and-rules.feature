@sample @backgrounds
Feature: Backgrounds and rules
  Steps note themselves in a journal shared through context injection,
  so the order in which backgrounds run is visible.

  Background:
    Given the journal notes "feature background"

  Scenario: Feature background runs before the scenario steps
    When the journal notes "scenario step"
    Then the journal reads "feature background, scenario step"

  @rule-tag
  Rule: A rule with its own background
    Background:
      Given the journal notes "rule background"

    @in-rule
    Scenario: Rule background runs after the feature background
      When the journal notes "scenario step"
      Then the journal reads "feature background, rule background, scenario step"
