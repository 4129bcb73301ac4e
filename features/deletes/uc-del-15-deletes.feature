@deletes
Feature: 15.1-15.2 (delete use cases) Deleting CTE records
  Student participation records can be deleted if the entry was a mistake. A studentSectionAssociation is deleted
  only after what depends on it: its grades first.

  @uc-del-15.1 @sy-2026
  Scenario: Delete 15.1 A CTE program association submitted by mistake is deleted
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2025-26
    And the SIS has reported the student's certificated program status "Continuing" in the "IRC" program "IRC - Not State Approved"
    When the SIS deletes the student's CTE program association
    Then WISEdata accepts it
    And WISEdata no longer holds a CTE program association for the student

  @uc-del-15.1 @sy-2026
  Scenario: Delete 15.1 Deleting the association again finds nothing to delete
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2025-26
    And the SIS has reported the student's certificated program status "Continuing" in the "IRC" program "IRC - Not State Approved"
    And the SIS has deleted the student's CTE program association
    When the SIS deletes the student's CTE program association again
    Then WISEdata refuses it as "urn:ed-fi:api:not-found"

  @uc-del-15.2 @sy-2026
  Scenario: Delete 15.2 The grade is deleted first, then the section enrolment
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2025-26
    And the student has taken "Welding I" and earned a "B"
    When the SIS deletes the student's grade in "Welding I"
    Then WISEdata accepts it
    When the SIS deletes the student's enrolment in the "Welding I" section
    Then WISEdata accepts it

  @uc-del-15.2 @sy-2026
  Scenario: Delete 15.2 Deleting the section enrolment while its grade exists is refused
    Given a student enrolled at "Fictional High School" in "Eleventh grade" for 2025-26
    And the student has taken "Welding I" and earned a "B"
    When the SIS deletes the student's enrolment in the "Welding I" section
    Then WISEdata refuses it as "urn:ed-fi:api:data-conflict:dependent-item-exists"
