@attendance
Feature: 15.1-15.6 Attendance: negative attendance, count-date receiving services, enrollment types
  /studentSchoolAttendanceEvent records attendance exceptions only: one record per student, school of enrolment and
  date on which the student was absent for all or part of the day ("positive" attendance is not captured).
  Enrolments carry DPI's enrollment type, residency and count-date receiving service.

  @uc-15.1 @sy-2026
  Scenario Outline: 15.1 A student absent for part or all of a school day: "<category>"
    Given a student enrolled at "Fictional High School" in "Tenth grade" for 2025-26
    When the SIS reports the student's absence on 2025-10-14 as "<category>"
    Then WISEdata accepts it

    Examples:
      | category          |
      | Excused Absence   |
      | Unexcused Absence |
      | Tardy             |
      | Early departure   |

  @uc-15.1 @sy-2026
  Scenario: 15.1 An absence category WISEdata does not know is refused
    Given a student enrolled at "Fictional High School" in "Tenth grade" for 2025-26
    When the SIS reports the student's absence on 2025-10-14 as "uri://ed-fi.org/AttendanceEventCategoryDescriptor#Skipped Class"
    Then WISEdata refuses it as "urn:ed-fi:api:bad-request:data-validation-failed", about "AttendanceEventCategoryDescriptor"

  @uc-15.2 @sy-2026
  Scenario: 15.2 Correcting absence dates: delete the inaccurate record, then create a new one
    Given a student enrolled at "Fictional High School" in "Tenth grade" for 2025-26
    And the SIS has reported the student's absence on 2025-11-03 as "Unexcused Absence"
    When the SIS corrects the absence of 2025-11-03 to 2025-11-04 by deleting it and reporting it again
    Then WISEdata accepts it
    And WISEdata holds the student's absences on "2025-11-04"

  @uc-15.2 @sy-2026
  Scenario: 15.2 Changing an absence's date in place is refused: the date identifies the record
    Given a student enrolled at "Fictional High School" in "Tenth grade" for 2025-26
    And the SIS has reported the student's absence on 2025-11-03 as "Unexcused Absence"
    When the SIS changes the date of the absence of 2025-11-03 to 2025-11-04 in place
    Then WISEdata refuses it as "urn:ed-fi:api:bad-request:data-validation-failed:key-change-not-supported"

  @uc-15.3 @sy-2026 @public-only
  Scenario: 15.3 Several enrolments in one LEA, one covering the count date: each reports its receiving service
    Given a student enrolled at "Fictional High School" in "Tenth grade" for 2025-26
    When the SIS reports the student's enrolment at "Fictional Middle-High School" in "Tenth grade" receiving services "Absent" on "Third Friday of September"
    Then WISEdata accepts it
    And WISEdata holds 2 enrolments of the student in the LEA

  @uc-15.3 @sy-2026 @public-only
  Scenario Outline: 15.3 The count-date receiving service "<service>"
    Given a student enrolled at "Fictional High School" in "Tenth grade" for 2025-26
    When the SIS reports the student's enrolment at "Fictional Middle-High School" in "Tenth grade" receiving services "<service>" on "Third Friday of September"
    Then WISEdata accepts it

    Examples:
      | service                |
      | Present                |
      | Absent                 |
      | Not Receiving Services |

  @uc-15.3 @sy-2026 @public-only
  Scenario: 15.3 A receiving service WISEdata does not know is refused
    Given a student enrolled at "Fictional High School" in "Tenth grade" for 2025-26
    When the SIS reports the student's enrolment at "Fictional Middle-High School" in "Tenth grade" receiving services "uri://dpi.wi.gov/CountDateReceivingServiceDescriptor#X" on "Third Friday of September"
    Then WISEdata refuses it as "urn:ed-fi:api:bad-request:data-validation-failed", about "CountDateReceivingServiceDescriptor"

  @uc-15.4 @sy-2026 @public-only
  Scenario Outline: 15.4 A student outside the age requirement, with a Membership enrollment type and residency <residency>
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26 with enrollment type "Membership" and residency "<residency>"
    When the SIS reports the student's absence on 2025-12-01 as "Excused Absence"
    Then WISEdata accepts it

    Examples:
      | residency     |
      | R-OUTSIDEAGE  |
      | NR-OUTSIDEAGE |

  @uc-15.4 @sy-2026 @public-only
  Scenario: 15.4 A residency status DPI does not define is refused
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's enrolment at "Fictional Middle-High School" in "Twelfth grade" with enrollment type "Membership" and residency "uri://dpi.wi.gov/ResidencyStatusDescriptor#OUTSIDEAGE"
    Then WISEdata refuses it as "urn:ed-fi:api:bad-request:data-validation-failed", about "ResidencyStatusDescriptor"

  @uc-15.5 @sy-2026 @public-only
  Scenario Outline: 15.5 A part-time student with a Coursework enrolment and residency <residency> has attendance events
    Given a student enrolled at "Fictional High School" in "Tenth grade" for 2025-26 with enrollment type "Coursework" and residency "<residency>"
    When the SIS reports the student's absence on 2026-02-10 as "Excused Absence"
    Then WISEdata accepts it

    Examples:
      | residency |
      | R-HOME    |
      | R-PRIVATE |

  @uc-15.6 @sy-2026 @public-only
  Scenario: 15.6 A non-resident home-schooled student with a Coursework enrolment has attendance events
    Given a student enrolled at "Fictional High School" in "Tenth grade" for 2025-26 with enrollment type "Coursework" and residency "NR-HOME"
    When the SIS reports the student's absence on 2026-03-16 as "Unexcused Absence"
    Then WISEdata accepts it

  @uc-15.6 @sy-2026 @public-only
  Scenario: 15.6 An enrollment type DPI does not define is refused
    Given a student enrolled at "Fictional High School" in "Tenth grade" for 2025-26
    When the SIS reports the student's enrolment at "Fictional Middle-High School" in "Tenth grade" with enrollment type "uri://dpi.wi.gov/EnrollmentTypeDescriptor#Part-time" and residency "NR-HOME"
    Then WISEdata refuses it as "urn:ed-fi:api:bad-request:data-validation-failed", about "EnrollmentTypeDescriptor"
