@cte @uc-8.0 @public-only
Feature: 8.0 Non-course-level participation in a career education program (not certified work-based learning)
  The student takes no course of the program but does fieldwork or another qualifying form of study: the student's
  program status is reported on /studentCTEProgramAssociation, with everything DPI requires of public LEAs.

  @sy-2026
  Scenario: 8.0 Work-based learning without a course, reported on the CTE association
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's CTE program association:
      | program type                | WBL                          |
      | program name                | Internship/Local Co-op       |
      | certificated program status | Continuing                   |
      | program area                | Marketing Education          |
      | pathway                     | Marketing, Sales and Service |
    Then WISEdata accepts it

  @sy-2026
  Scenario: 8.0 A public school's CTE association without a certificated program status is refused
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's CTE program association:
      | program type                | WBL                    |
      | program name                | Internship/Local Co-op |
      | certificated program status | none                   |
    Then WISEdata refuses it under rule "WI-L1-PUBLIC-REQUIRED"
