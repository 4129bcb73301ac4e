@cte @uc-1.0 @public-only
Feature: 1.0 Reporting certified career education programs at a course level
  When a course is identified as part of a certified career education (CE) program, not every student taking the
  course participates in the program. So the SIS reports the student's participation in the program on
  /studentSectionAssociation, and the student's certificated program status on /studentCTEProgramAssociation.
  Starting 2024-25, the program type "Certified" is updated to "IRC" (Industry Recognized Credentials).

  Rule: From 2024-25, IRC participation is reported on the section and the status on the CTE association

    @sy-2026
    Scenario Outline: 1.0 IRC program "<program name>" at course level in 2025-26
      Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2025-26
      When the SIS reports the student's participation in the "IRC" program "<program name>" on the "Certified Nursing Assistant" section
      Then WISEdata accepts it
      When the SIS reports the student's certificated program status "Continuing" in the "IRC" program "<program name>"
      Then WISEdata accepts it

      Examples: DPI's IRC program names
        | program name                                        |
        | IRC - Not State Approved                            |
        | IRC State Approved Business & Industry              |
        | IRC State Approved WTCS- Associates                 |
        | IRC State Approved WTCS- Embedded Technical Diploma |
        | IRC State Approved WTCS- Technical Diploma          |

    @sy-2026
    Scenario: 1.0 The retired "Certified" program type is refused in 2025-26
      Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2025-26
      When the SIS reports the student's participation in the "Certified" program "IRC - Not State Approved" on the "Certified Nursing Assistant" section
      Then WISEdata refuses it under rule "WI-L1-DESCRIPTOR-YEAR"

  Rule: Through 2023-24, the same programs are reported under the program type "Certified"

    @sy-2024
    Scenario Outline: 1.0 Certified program "<program name>" at course level in 2023-24
      Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2023-24
      When the SIS reports the student's participation in the "Certified" program "<program name>" on the "Certified Nursing Assistant" section
      Then WISEdata accepts it
      When the SIS reports the student's certificated program status "Continuing" in the "Certified" program "<program name>"
      Then WISEdata accepts it

      Examples: DPI's Certified program names
        | program name                                       |
        | IRC - Not State Approved                           |
        | IRC State Approved Business & Industry             |
        | State Co-op Ed. Skill Standards - DPI Occupational |
        | Youth Apprenticeship                               |

    @sy-2024
    Scenario: 1.0 "IRC" is refused before 2024-25
      Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2023-24
      When the SIS reports the student's participation in the "IRC" program "IRC - Not State Approved" on the "Certified Nursing Assistant" section
      Then WISEdata refuses it under rule "WI-L1-DESCRIPTOR-YEAR"
