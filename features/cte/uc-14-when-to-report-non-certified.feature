@cte @uc-14.0 @public-only
Feature: 14.0 When to report non-certified program participation (2023-24 and prior)
  Report non-certified career education programs only if the program meets Perkins V's criteria for a
  work-based learning experience (sustained interactions with industry or community professionals, …). DPI's page
  marks this use case informational: WISEdata cannot see the criteria, only the program reported.

  @sy-2024
  Scenario: 14.0 A qualifying internship reported as Non Certified in 2023-24
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2023-24
    When the SIS reports the student's participation in the "Non Certified" program "Internship/Local Co-op" on the "Principles of Marketing" section
    Then WISEdata accepts it

  @sy-2025
  Scenario: 14.0 "Non Certified" is refused from 2024-25
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2024-25
    When the SIS reports the student's participation in the "Non Certified" program "Internship/Local Co-op" on the "Principles of Marketing" section
    Then WISEdata refuses it under rule "WI-L1-DESCRIPTOR-YEAR"
