@cte @uc-10.0 @public-only
Feature: 10.0 Reporting certified and non-certified career education programs
  Both certified and non-certified programs can be reported at student level (on /studentSectionAssociation) and at
  program level. From 2025-26 a section's programs are sent in core (programs[]), not in DPI's extension.

  @sy-2026
  Scenario: 10.0 One section carries an IRC program and a WBL program in 2025-26
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's participation on the "Principles of Marketing" section in these programs:
      | program type | program name             |
      | IRC          | IRC - Not State Approved |
      | WBL          | School-based Enterprise  |
    Then WISEdata accepts it

  @sy-2026
  Scenario: 10.0 Section programs sent in DPI's extension in 2025-26 are refused
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's participation in the "WBL" program "School-based Enterprise" on the "Principles of Marketing" section in DPI's extension
    Then WISEdata refuses it under rule "WI-L1-2526-SECTION-PROGRAMS"
