@sample @outcome-before-feature-hook
Feature: A failing before-feature hook

  Scenario: First scenario after the failing hook
    Given the journal notes "one"

  Scenario: Second scenario after the failing hook
    Given the journal notes "two"
