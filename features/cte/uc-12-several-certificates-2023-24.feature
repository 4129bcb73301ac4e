@cte @uc-12.0 @public-only
Feature: 12.0 A student took part in several certificates under one certified program name (2023-24 and prior)
  As 11.0, in the years when the program type was "Certified": the best status is reported on
  /studentCTEProgramAssociation. Certificated program status is not submitted on /grades.

  @sy-2024
  Scenario: 12.0 "Completed with Certificate" under the Certified program type in 2023-24
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2023-24
    When the SIS reports the student's certificated program status "Completed with Certificate" in the "Certified" program "IRC State Approved Business & Industry"
    Then WISEdata accepts it

  @sy-2024
  Scenario: 12.0 The IRC program type is refused in 2023-24
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2023-24
    When the SIS reports the student's certificated program status "Completed with Certificate" in the "IRC" program "IRC State Approved Business & Industry"
    Then WISEdata refuses it under rule "WI-L1-DESCRIPTOR-YEAR"
