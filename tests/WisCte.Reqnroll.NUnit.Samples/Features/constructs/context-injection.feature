@sample @injection
Feature: Context injection

  Scenario: Binding classes share injected state and contexts
    Given the first binding class stores "LEA 9999" in the shared state
    Then the second binding class reads "LEA 9999" from the shared state
    And the scenario context knows the title "Binding classes share injected state and contexts"
    And the feature context knows the title "Context injection"
    And the NUnit test context names this test "Binding classes share injected state and contexts"

  Scenario: Each scenario gets fresh state
    Then the shared state is empty
