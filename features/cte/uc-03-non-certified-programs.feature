@cte @uc-3.0 @public-only
Feature: 3.0 Reporting non-certified career education programs
  Non-certified career education programs can be reported at course level and non-course level. Starting 2024-25,
  the program type "Non Certified" is updated to "WBL", and some program names moved under the WBL program type.

  Rule: Through 2023-24 the program type is "Non Certified"

    @sy-2024
    Scenario Outline: 3.0 Non Certified program "<program name>" at course level in 2023-24
      Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2023-24
      When the SIS reports the student's participation in the "Non Certified" program "<program name>" on the "Animal Science" section
      Then WISEdata accepts it
      When the SIS reports the student's certificated program status "Continuing" in the "Non Certified" program "<program name>"
      Then WISEdata accepts it

      Examples: DPI's Non Certified program names
        | program name                       |
        | Entrepreneurial Student Business   |
        | Internship/Local Co-op             |
        | School-based Enterprise            |
        | Simulated Worksite                 |
        | Supervised Agricultural Experience |

    @sy-2024 @l2
    Scenario: 3.0 WBL used before 2024-25 is accepted, and flagged
      DPI's table has WBL from 2024-25, yet DPI's own 2022-23 section sample uses it: the harness accepts it and warns.
      Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2023-24
      When the SIS reports the student's participation in the "WBL" program "Internship/Local Co-op" on the "Animal Science" section
      Then WISEdata accepts it
      And the L2 validation reports "WI-L2-WBL-BEFORE-2025" for the student

  Rule: From 2024-25 the program type is "WBL"

    @sy-2025
    Scenario: 3.0 A WBL program at course level in 2024-25
      Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2024-25
      When the SIS reports the student's participation in the "WBL" program "Supervised Agricultural Experience" on the "Animal Science" section
      Then WISEdata accepts it
      When the SIS reports the student's certificated program status "Continuing" in the "WBL" program "Supervised Agricultural Experience"
      Then WISEdata accepts it

    @sy-2025
    Scenario: 3.0 A name that moved from Certified to WBL is reported under WBL in 2024-25
      Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2024-25
      When the SIS reports the student's certificated program status "Continuing" in the "WBL" program "State Co-op Ed. Skill Standards - DPI Youth Leadership"
      Then WISEdata accepts it

    @sy-2026
    Scenario: 3.0 The retired "Non Certified" program type is refused in 2025-26
      Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2025-26
      When the SIS reports the student's participation in the "Non Certified" program "Simulated Worksite" on the "Animal Science" section
      Then WISEdata refuses it under rule "WI-L1-DESCRIPTOR-YEAR"
