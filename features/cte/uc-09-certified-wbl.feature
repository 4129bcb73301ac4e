@cte @uc-9.0 @public-only
Feature: 9.0 Certified work-based learning (for example Youth Apprenticeship)
  The final step is the certificated program status, attached to the student: the SIS submits
  /studentCTEProgramAssociation for each certified program name.

  @sy-2026
  Scenario: 9.0 A Youth Apprenticeship completed with its certificate in 2025-26
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's certificated program status "Completed with Certificate" in the "WBL" program "Youth Apprenticeship"
    Then WISEdata accepts it

  @sy-2024
  Scenario: 9.0 Through 2023-24 Youth Apprenticeship is a Certified program
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2023-24
    When the SIS reports the student's certificated program status "Completed with Certificate" in the "Certified" program "Youth Apprenticeship"
    Then WISEdata accepts it

  @sy-2026
  Scenario: 9.0 Youth Apprenticeship reported under the IRC program type is refused
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's certificated program status "Completed with Certificate" in the "IRC" program "Youth Apprenticeship"
    Then WISEdata refuses it under rule "WI-L1-PROGRAM-NAME"
