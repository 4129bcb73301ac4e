@sample @scoped-b
Feature: Scoped bindings B

  Scenario: The binding scoped to this feature's title answers
    When the scoped step runs
    Then the scoped answer is "B"
