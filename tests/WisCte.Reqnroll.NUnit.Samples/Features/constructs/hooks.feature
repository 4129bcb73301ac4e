@sample @hooks
Feature: Hooks
  Every kind of Reqnroll hook runs, in Reqnroll's order.

  Scenario: Every hook kind runs around a scenario
    Given the journal notes "given"
    When the journal notes "when"
    Then the hooks of this scenario so far were "BeforeScenario, BeforeScenarioBlock, BeforeStep, AfterStep, AfterScenarioBlock, BeforeScenarioBlock, BeforeStep, AfterStep, AfterScenarioBlock, BeforeScenarioBlock, BeforeStep"
