@cte @uc-6.0 @public-only
Feature: 6.0 A student enrolled in several sections while participating in a career education program
  If a student exits a section and returns to the same section within the same term, the SIS ends the first
  student section and creates a new one with a new begin date. Both carry the student's program participation.

  @sy-2025
  Scenario: 6.0 The student leaves the section and returns: two enrolments, both with the program
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2024-25
    When the SIS reports the student's enrolments in the "Welding I" section, each with participation in the "IRC" program "IRC State Approved WTCS- Technical Diploma":
      | begin date | end date   |
      | 2024-08-26 | 2024-09-30 |
      | 2024-10-10 |            |
    Then WISEdata holds 2 enrolments of the student in the "Welding I" section

  @sy-2025
  Scenario: 6.0 Reporting the return with the first begin date overwrites the first enrolment
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2024-25
    When the SIS reports the student's enrolments in the "Welding I" section, each with participation in the "IRC" program "IRC State Approved WTCS- Technical Diploma":
      | begin date | end date   |
      | 2024-08-26 | 2024-09-30 |
      | 2024-08-26 |            |
    Then WISEdata holds 1 enrolment of the student in the "Welding I" section
