@sample @outcome-before-scenario-hook
Feature: A failing before-scenario hook

  Scenario: Scenario whose before hook fails
    Given the journal notes "never"
