@cte @uc-2.0 @public-only
Feature: 2.0 Reporting work-based learning career education programs at a non-course level
  The student takes no course offered as part of the career education program, but is engaged in fieldwork or
  another qualifying form of study that makes them a participant. There is no section to report participation on:
  the SIS reports the program and the student's certificated program status on /studentCTEProgramAssociation.

  @sy-2026
  Scenario Outline: 2.0 WBL program "<program name>" reported at non-course level in 2025-26
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's certificated program status "Continuing" in the "WBL" program "<program name>"
    Then WISEdata accepts it

    Examples: DPI's WBL program names
      | program name                                               |
      | Entrepreneurial Student Business                           |
      | Internship/Local Co-op                                     |
      | School-based Enterprise                                    |
      | Simulated Worksite                                         |
      | Supervised Agricultural Experience                         |
      | State Co-op Ed. Skill Standards - DPI Employability Skills |
      | State Co-op Ed. Skill Standards - DPI Occupational         |
      | State Co-op Ed. Skill Standards - DPI Youth Leadership     |
      | Youth Apprenticeship                                       |

  @sy-2026
  Scenario: 2.0 A WBL program name reported under the IRC program type is refused
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's certificated program status "Continuing" in the "IRC" program "Simulated Worksite"
    Then WISEdata refuses it under rule "WI-L1-PROGRAM-NAME"
