@cte @uc-5.0 @public-only
Feature: 5.0 A student with several certificates under one IRC program name
  Whatever the number of certificates a student earns under one program name (e.g. IRC State Approved Business &
  Industry), a student who completes one and continues to another is marked "Completed". The LEA submits the most
  accurate status, on the one /studentCTEProgramAssociation of that program: updated in place, not duplicated.

  @sy-2026
  Scenario: 5.0 Semester 1 completed, semester 2 continuing: the status becomes "Completed with Certificate"
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    And the SIS has reported the student's certificated program status "Continuing" in the "IRC" program "IRC State Approved Business & Industry"
    When the SIS reports the student's certificated program status "Completed with Certificate" in the "IRC" program "IRC State Approved Business & Industry"
    Then WISEdata accepts it
    And WISEdata holds the student's certificated program status as "Completed with Certificate"
    And the L2 validation reports no "WI-L2-6794" for the student

  @sy-2026
  Scenario: 5.0 A second association for the program, instead of the one updated, is flagged: only one status is expected
    DPI's warning 6794: "Multiple certificated program statuses were submitted for a certified program that is not
    associated with a course. Only one is expected." A warning, to acknowledge if the data is right.

    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    And the SIS has reported the student's certificated program status "Continuing" in the "IRC" program "IRC State Approved Business & Industry"
    When the SIS reports the student's CTE program association:
      | program type                | IRC                                    |
      | program name                | IRC State Approved Business & Industry |
      | certificated program status | Completed with Certificate             |
      | begin date                  | 2026-01-12                             |
    Then WISEdata accepts it
    And the L2 validation reports "WI-L2-6794" for the student

  @sy-2026
  Scenario: 5.0 A certificated program status outside DPI's codes is refused
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's CTE program association:
      | program type                | IRC                                                    |
      | program name                | IRC State Approved Business & Industry                 |
      | certificated program status | uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#Z |
    Then WISEdata refuses it as "urn:ed-fi:api:bad-request:data-validation-failed", about "CertificatedProgramStatusDescriptor value 'uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#Z' does not exist"
