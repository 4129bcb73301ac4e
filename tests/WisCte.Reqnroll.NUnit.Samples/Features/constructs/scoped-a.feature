@sample @scoped-a
Feature: Scoped bindings A

  Scenario: The binding scoped to this feature's tag answers
    When the scoped step runs
    Then the scoped answer is "A"
