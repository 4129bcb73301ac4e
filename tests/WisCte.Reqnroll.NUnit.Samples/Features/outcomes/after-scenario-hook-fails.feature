@sample @outcome-after-scenario-hook
Feature: A failing after-scenario hook

  Scenario: Scenario whose after hook fails
    Given the journal notes "ran"
