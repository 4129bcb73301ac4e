@cte @uc-11.0 @public-only
Feature: 11.0 A student took part in several certificates under one certified program name
  Whatever the number of certificates under one program name (IRC), a student who finished one or continued in
  another is reported "Completed": the LEA submits the best status on /studentCTEProgramAssociation. From 2025-26
  the pathway and cipCode go in cteProgramServices.

  @sy-2026
  Scenario: 11.0 The best status, "Completed with Certificate", in 2025-26
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's certificated program status "Completed with Certificate" in the "IRC" program "IRC State Approved WTCS- Embedded Technical Diploma"
    Then WISEdata accepts it

  @sy-2026
  Scenario: 11.0 The 2024-25 shape (ctePrograms with cipCode) is refused in 2025-26
    Given a student enrolled at "Fictional High School" in "Twelfth grade" for 2025-26
    When the SIS reports the student's CTE program association:
      | program type                | IRC                                                 |
      | program name                | IRC State Approved WTCS- Embedded Technical Diploma |
      | certificated program status | Completed with Certificate                          |
      | shape                       | 2024-25                                             |
      | pathway                     | none                                                |
      | cip code                    | 51.3902                                             |
    Then WISEdata refuses it under rule "WI-L1-2526-CTE-SERVICES"
