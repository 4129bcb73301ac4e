@sample @outcome-ignore
Feature: Ignored scenarios

  @ignore
  Scenario: An ignored scenario
    Given a step nobody has bound runs

  Scenario: A scenario beside it still runs
    Given the journal notes "ran"
