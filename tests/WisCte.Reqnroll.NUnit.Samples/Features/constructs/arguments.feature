@sample @arguments
Feature: Step arguments and keywords

  Scenario: A data table reaches the step
    Given these program names:
      | programType | programName              |
      | IRC         | IRC - Not State Approved |
      | WBL         | Simulated Worksite       |
    Then 2 program names were received
    And the program type of "Simulated Worksite" is "WBL"

  Scenario: A doc string reaches the step
    Given this JSON:
      """json
      { "schoolYear": 2026 }
      """
    Then the JSON has "schoolYear" equal to "2026"

  Scenario: Star and But keywords run steps
    * the journal notes "star"
    But the journal notes "but"
    Then the journal reads "star, but"

  Scenario Outline: Outline rows substitute their values
    Given the journal notes "<word>"
    Then the journal reads "<word>"

    @first-examples
    Examples: first
      | word  |
      | alpha |
      | beta  |

    @second-examples
    Examples: second
      | word  |
      | gamma |

    @ignore
    Examples: ignored
      | word  |
      | delta |

  Scenario Outline: Duplicate example rows get unique test names
    Given the journal notes "<word>"

    Examples:
      | word |
      | same |
      | same |
