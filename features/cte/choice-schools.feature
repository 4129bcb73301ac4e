@cte @choice-schools
Feature: CTE data is not expected from Choice schools
  DPI's page is "Career and Technical Education (Public LEAs Only)" and says: "CTE data is NOT expected from Choice
  schools." WISEdata refuses CTE records for a school in the Parental Choice Program.

  @sy-2026
  Scenario: A CTE program association for a student of a Choice school is refused
    Given a student enrolled at "Fictional Choice Academy" in "Eleventh grade" for 2025-26
    When the SIS reports the student's certificated program status "Continuing" in the "IRC" program "IRC - Not State Approved"
    Then WISEdata refuses it under rule "WI-L1-CHOICE-NO-CTE"

  @sy-2026 @public-only
  Scenario: The same association for a student of a public school is accepted
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2025-26
    When the SIS reports the student's certificated program status "Continuing" in the "IRC" program "IRC - Not State Approved"
    Then WISEdata accepts it
