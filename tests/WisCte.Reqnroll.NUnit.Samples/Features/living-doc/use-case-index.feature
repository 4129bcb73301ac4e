@sample
Feature: Scenarios tagged by use case and school year, for the use-case index

  @uc-1.0 @sy-2026
  Scenario: Use case 1.0 in 2025-26 passes
    Given the journal notes "fine"
    Then the journal reads "fine"

  @uc-1.0 @sy-2026
  Scenario: Use case 1.0 in 2025-26 fails
    Given the journal notes "fine"
    Then the journal reads "something else"

  @uc-1.0 @sy-2024
  Scenario: Use case 1.0 in 2023-24 passes
    Given the journal notes "fine"
    Then the journal reads "fine"

  @uc-2.0 @sy-2026 @ignore
  Scenario: Use case 2.0 in 2025-26 is skipped
    Given the journal notes "fine"

  @uc-3.0
  Scenario: Use case 3.0 in no particular school year passes
    Given the journal notes "fine"
    Then the journal reads "fine"
