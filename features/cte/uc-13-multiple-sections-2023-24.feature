@cte @uc-13.0 @public-only
Feature: 13.0 A student with several student section associations participating in a program (2023-24 and prior)
  A student who exits the section and comes back to it in the same term gets a second student section with a new
  begin date; the SIS reports the program participation on both.

  @sy-2024
  Scenario: 13.0 Both enrolments carry "High School Course with WI Private College"
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2023-24
    When the SIS reports the student's enrolments in the "Accounting I" section, each with participation in the "Dual" program "High School Course with WI Private College":
      | begin date | end date   |
      | 2023-08-26 | 2023-11-17 |
      | 2023-12-04 |            |
    Then WISEdata holds 2 enrolments of the student in the "Accounting I" section

  @sy-2024
  Scenario: 13.0 A second enrolment with the first one's begin date replaces it
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2023-24
    When the SIS reports the student's enrolments in the "Accounting I" section, each with participation in the "Dual" program "High School Course with WI Private College":
      | begin date | end date   |
      | 2023-08-26 | 2023-11-17 |
      | 2023-08-26 |            |
    Then WISEdata holds 1 enrolment of the student in the "Accounting I" section
