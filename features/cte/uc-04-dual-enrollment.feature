@cte @uc-4.0 @public-only
Feature: 4.0 Reporting dual enrollment programs
  Dual enrollment programs can be reported at student level (on /studentSectionAssociation) and at program level
  (on /studentCTEProgramAssociation). The program type "Dual" is unchanged across school years.

  @sy-2026
  Scenario Outline: 4.0 Dual enrollment "<program name>" reported on the section in 2025-26
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's participation in the "Dual" program "<program name>" on the "Accounting I" section
    Then WISEdata accepts it

    Examples: DPI's dual enrollment program names
      | program name                                 |
      | College Course with UW System                |
      | College Course with WI Private College       |
      | College Course with WI Technical College     |
      | College Course with WI Tribal College        |
      | High School Course with UW System            |
      | High School Course with WI Private College   |
      | High School Course with WI Technical College |
      | High School Course with WI Tribal College    |
      | Out-of-state Dual Enrollment                 |

  @sy-2026
  Scenario: 4.0 Dual enrollment reported at program level in 2025-26
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's certificated program status "Continuing" in the "Dual" program "College Course with WI Technical College"
    Then WISEdata accepts it

  @sy-2026
  Scenario: 4.0 A dual enrollment program DPI does not list is refused
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's participation in the "Dual" program "College Course with an Ivy League University" on the "Accounting I" section
    Then WISEdata refuses it under rule "WI-L1-PROGRAM-NAME"
