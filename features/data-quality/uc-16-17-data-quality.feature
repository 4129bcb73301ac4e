@cte @l2 @public-only
Feature: 16.1 and 17.1-17.3 Career education data quality checks and CTE concentrators
  DPI checks stored data (L2) and reports validation messages; it also derives CTE participants from roster data.
  Codes beginning WI-L2 are the harness's own: no public DPI source gives message codes for these checks.

  @uc-16.1 @sy-2026
  Scenario: 16.1 Participation on a section without a CTE program association is flagged
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2025-26
    And the SIS has reported the student's participation in the "IRC" program "IRC State Approved Business & Industry" on the "Certified Nursing Assistant" section
    Then the L2 validation reports "WI-L2-16.1" for the student

  @uc-16.1 @sy-2026
  Scenario: 16.1 With the program's CTE program association reported, nothing is flagged
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2025-26
    And the SIS has reported the student's participation in the "IRC" program "IRC State Approved Business & Industry" on the "Certified Nursing Assistant" section
    And the SIS has reported the student's certificated program status "Continuing" in the "IRC" program "IRC State Approved Business & Industry"
    Then the L2 validation reports no "WI-L2-16.1" for the student

  @uc-17.1 @sy-2026
  Scenario: 17.1 A CTE concentrator with two program areas and a pathway
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's CTE program association:
      | program type | CTE                                                             |
      | program name | Career and Technical Education                                  |
      | program area | Health Science Education, Family and Consumer Science Education |
      | pathway      | Health Science                                                  |
    Then WISEdata accepts it
    And the L2 validation reports no "WI-L2-17.1" for the student

  @uc-17.1 @sy-2026
  Scenario: 17.1 A concentrator without a pathway is flagged
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's CTE program association:
      | program type | CTE                            |
      | program name | Career and Technical Education |
      | pathway      | none                           |
    Then WISEdata accepts it
    And the L2 validation reports "WI-L2-17.1" for the student

  @uc-17.1 @sy-2026
  Scenario: 17.1 A concentrator without a program area is refused outright for a public school
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's CTE program association:
      | program type | CTE                            |
      | program name | Career and Technical Education |
      | program area | none                           |
    Then WISEdata refuses it under rule "WI-L1-PUBLIC-REQUIRED"

  @uc-17.2 @sy-2026
  Scenario: 17.2 An eleventh-grade CTE student's single-parent status is reported
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2025-26
    And the SIS has reported the student's certificated program status "Continuing" in the "CTE" program "Career and Technical Education"
    When the SIS reports the student's characteristic "Single Parent"
    Then WISEdata accepts it
    And the L2 validation reports no "WI-L2-17.2" for the student

  @uc-17.2 @sy-2026
  Scenario: 17.2 An eleventh-grade CTE student without reported characteristics is flagged
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2025-26
    And the SIS has reported the student's certificated program status "Continuing" in the "CTE" program "Career and Technical Education"
    Then the L2 validation reports "WI-L2-17.2" for the student

  @uc-17.3 @sy-2026
  Scenario: 17.3 A ninth grader who passed a CTE course is a CTE participant
    Given a student enrolled at "Fictional High School" in "Ninth grade" for 2025-26
    And the student has taken "Foods and Nutrition I" and earned a "B"
    Then the L2 validation reports "WI-L2-17.3" for the student

  @uc-17.3 @sy-2026
  Scenario: 17.3 A student who failed the CTE course is not a participant
    Given a student enrolled at "Fictional High School" in "Ninth grade" for 2025-26
    And the student has taken "Foods and Nutrition I" and earned an "F"
    Then the L2 validation reports no "WI-L2-17.3" for the student
