@sample @outcome-duplicate-names
Feature: Two scenarios with one name

  Scenario: Same name
    Given the journal notes "one"

  Scenario: Same name
    Given the journal notes "two"
