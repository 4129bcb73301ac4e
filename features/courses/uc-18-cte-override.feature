@cte @l2
Feature: 18.1-18.3 CTE override: roster codes with and without the CTE flag
  DPI spins courses flagged CTE that are not offered as CTE into new roster codes without the flag; LEAs use the new
  code. A course not flagged CTE but offered as CTE is reported with the CTE course that matches it. Vendors who pull
  courses from the API populate the new roster codes.

  @uc-18.1 @sy-2026
  Scenario: 18.1 Personal Finance offered as a non-CTE course uses the new roster code, so it does not make a CTE participant
    Given a student enrolled at "Fictional High School" in "Ninth grade" for 2025-26
    And the student has taken "Personal Finance" and earned an "A"
    Then the L2 validation reports no "WI-L2-17.3" for the student

  @uc-18.1 @sy-2026
  Scenario: 18.1 Offering the roster code DPI marked "DO NOT USE" is flagged
    Given a student enrolled at "Fictional High School" in "Ninth grade" for 2025-26
    When the SIS offers DPI's course "FX-PFIN" at the student's school
    Then WISEdata accepts it
    And the L2 validation reports "WI-L2-18-DEPRECATED-COURSE" for the SIS's offering

  @uc-18.1 @sy-2026
  Scenario: 18.1 Offering the new roster code is not flagged
    Given a student enrolled at "Fictional High School" in "Ninth grade" for 2025-26
    When the SIS offers DPI's course "FX-PFIN-N" at the student's school
    Then WISEdata accepts it
    And the L2 validation reports no "WI-L2-18-DEPRECATED-COURSE" for the SIS's offering

  @uc-18.2 @sy-2026
  Scenario: 18.2 A course taught as CTE is reported with the matching CTE course, and counts toward participation
    Given a student enrolled at "Fictional High School" in "Tenth grade" for 2025-26
    And the student has taken "Accounting I" and earned a "C"
    Then the L2 validation reports "WI-L2-17.3" for the student

  @uc-18.2 @sy-2026
  Scenario: 18.2 Reported with the non-CTE course instead, it does not count
    Given a student enrolled at "Fictional High School" in "Tenth grade" for 2025-26
    And the student has taken "English 9" and earned an "A"
    Then the L2 validation reports no "WI-L2-17.3" for the student

  @uc-18.3 @sy-2026
  Scenario: 18.3 A vendor pulling courses from the API finds the new roster codes
    Given a student enrolled at "Fictional High School" in "Ninth grade" for 2025-26
    When the SIS reads DPI's courses
    Then DPI's courses include "FX-PFIN-N" titled "Personal Finance", flagged non-CTE
    And DPI's courses include "FX-WELD1" titled "Welding I", flagged CTE
    And DPI marks the course "FX-PFIN" "DO NOT USE"

  @uc-18.3 @sy-2026
  Scenario: 18.3 A SIS cannot create courses: they are DPI's
    Given a student enrolled at "Fictional High School" in "Ninth grade" for 2025-26
    When the SIS tries to create its own course "LEA-PFIN" titled "Personal Finance"
    Then WISEdata refuses it as "urn:ed-fi:api:security:authorization"
