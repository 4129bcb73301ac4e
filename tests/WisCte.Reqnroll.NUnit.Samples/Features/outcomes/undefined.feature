@sample @outcome-undefined
Feature: Undefined steps

  Scenario: A step nobody has bound
    Given the journal notes "before"
    When a step nobody has bound runs
