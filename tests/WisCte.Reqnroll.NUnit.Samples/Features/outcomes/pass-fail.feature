@sample @outcome-fail
Feature: Passing and failing steps

  Scenario: A passing scenario
    Given the journal notes "fine"
    Then the journal reads "fine"

  Scenario: A failing scenario skips its remaining steps
    Given the journal notes "fine"
    Then the journal reads "something else"
    And the journal notes "never"
