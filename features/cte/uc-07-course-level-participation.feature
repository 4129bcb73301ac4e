@cte @uc-7.0 @public-only @l2
Feature: 7.0 Course-level participation in a career education program
  A course offered as part of a career education program may or may not be a CTE course. DPI expects the SIS to send
  the student's participation in the program on /studentSectionAssociation, and the certificated program status for
  each program on /studentCTEProgramAssociation.

  @sy-2025
  Scenario: 7.0 Participation on the section and the status on the CTE association: no validation message
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2024-25
    When the SIS reports the student's participation in the "IRC" program "IRC State Approved Business & Industry" on the "Accounting I" section
    Then WISEdata accepts it
    When the SIS reports the student's certificated program status "Continuing" in the "IRC" program "IRC State Approved Business & Industry"
    Then WISEdata accepts it
    And the L2 validation reports no "WI-L2-16.1" for the student

  @sy-2025
  Scenario: 7.0 Participation on the section without the status on the CTE association is flagged
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2024-25
    When the SIS reports the student's participation in the "IRC" program "IRC State Approved Business & Industry" on the "Accounting I" section
    Then WISEdata accepts it
    And the L2 validation reports "WI-L2-16.1" for the student
