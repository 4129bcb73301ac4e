@dpi-samples @public-only
Feature: DPI's published JSON samples
  DPI's CTE page ends with two JSON samples: a studentCTEProgramAssociation and a
  studentSectionAssociation. The page's data-properties table marks which properties a
  public LEA must send. The samples are real submissions, so each must be well-formed
  and carry every property the table requires of public LEAs in the sample's school year.
  Property names are matched without regard to case, as the Ed-Fi ODS/API binds them:
  DPI's own "programtypeDescriptor" and "_EXT" count.

  Rule: The samples as DPI publishes them

    @sy-2021
    Scenario: The studentCTEProgramAssociation sample carries every property required of public LEAs
      Given DPI's studentCTEProgramAssociation sample for 2020-21:
        """json
        {
        "educationOrganizationReference": {
        "educationOrganizationId": 7525
        },
        "programReference": {
        "educationOrganizationId": 48856,
        "programtypeDescriptor": "uri://dpi.wi.gov/ProgramTypeDescriptor#CTE",
        "programname": "Career and Technical Education"
        },
        "studentReference": {
        "studentUniqueId": "8660232105"
        },
        "beginDate": "2020-07-01",
        "endDate": "2021-06-05",
        "ctePrograms": [{
        "careerPathwayDescriptor": "uri://dpi.wi.gov/CareerPathwayDescriptor#2",
        "cipCode": "23.01"
        }],
        "_EXT": {
        "WI": {
        "certificatedProgramStatusDescriptor": "uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#b",
        "cteConcentrationCteProgramAreas": [{
        "cteProgramAreaDescriptor": "uri://dpi.wi.gov/CteProgramAreaDescriptor#H"
        }]
        }
        }
        }
        """
      Then the sample is well-formed JSON
      And the sample is the one kept in "fixtures/dpi/samples/student-cte-program-association.json"
      And the sample carries every property the data-properties table requires of public LEAs:
        | #    | property                            | sent at                                                            |
        | 1.0  | beginDate                           | beginDate                                                          |
        | 2.0  | educationOrganizationId             | educationOrganizationReference.educationOrganizationId             |
        | 3.0  | programName                         | programReference.programName                                       |
        | 4.0  | programTypeDescriptor               | programReference.programTypeDescriptor                             |
        | 5.0  | studentUniqueId                     | studentReference.studentUniqueId                                   |
        | 7.0  | certificatedProgramStatusDescriptor | _ext.WI.certificatedProgramStatusDescriptor                        |
        | 8.0  | cteProgramAreaDescriptor            | _ext.WI.cteConcentrationCteProgramAreas[].cteProgramAreaDescriptor |
        | 9.0  | careerPathwayDescriptor             | ctePrograms[].careerPathwayDescriptor                              |
        | 10.0 | endDate                             | endDate                                                            |

    @sy-2023
    Scenario: The studentSectionAssociation sample carries every property required of public LEAs
      Given DPI's studentSectionAssociation sample for 2022-23:
        """json
        {
        "sectionReference": {
        "localCourseCode": "LCC-121941",
        "schoolId": 1302,
        "schoolYear": 2023,
        "sectionIdentifier": "Section-121941",
        "sessionName": "Sessions-121941"
        },
        "studentReference": {
        "studentUniqueId": "5281033584"
        },
        "beginDate": "2022-07-02",
        "attemptStatusDescriptor": "uri://dpi.wi.gov/AttemptStatusDescriptor#S",
        "endDate": "2023-06-05",
        "_ext": {
        "wi": {
        "programs": [{
        "programReference": {
        "educationOrganizationId": 48856,
        "programName": "College Course with WI Tribal College",
        "programTypeDescriptor": "uri://dpi.wi.gov/ProgramTypeDescriptor#Dual"
        }
        },
        {
        "programReference": {
        "educationOrganizationId": 48856,
        "programName": "Internship/Local Co-op",
        "programTypeDescriptor": "uri://dpi.wi.gov/ProgramTypeDescriptor#WBL"
        }
        },
        {
        "programReference": {
        "educationOrganizationId": 48856,
        "programName": "State Co-op Ed. Skill Standards - DPI Youth Leadership",
        "programTypeDescriptor": "uri://dpi.wi.gov/ProgramTypeDescriptor#Certified"
        }
        }
        ]
        }
        }
        }
        """
      Then the sample is well-formed JSON
      And the sample is the one kept in "fixtures/dpi/samples/student-section-association.json"
      And the sample carries every property the data-properties table requires of public LEAs:
        | #    | property                | sent at                                                   |
        | 11.0 | beginDate               | beginDate                                                 |
        | 12.0 | localCourseCode         | sectionReference.localCourseCode                          |
        | 13.0 | schoolId                | sectionReference.schoolId                                 |
        | 14.0 | schoolYear              | sectionReference.schoolYear                               |
        | 15.0 | sectionIdentifier       | sectionReference.sectionIdentifier                        |
        | 16.0 | sessionName             | sectionReference.sessionName                              |
        | 17.0 | studentUniqueId         | studentReference.studentUniqueId                          |
        | 18.0 | programName             | _ext.WI.programs[].programReference.programName           |
        | 19.0 | programTypeDescriptor   | _ext.WI.programs[].programReference.programTypeDescriptor |
        | 20.0 | attemptStatusDescriptor | attemptStatusDescriptor                                   |
        | 21.0 | endDate                 | endDate                                                   |

  Rule: The check catches a sample that lacks what DPI requires

    Scenario Outline: A sample without required property <#> <property> is caught
      Given DPI's <resource> sample kept in "<sample>" for <school year>, with "<removed>" taken out
      Then the check finds property <#> "<property>" missing

      @sy-2021
      Examples: studentCTEProgramAssociation
        | resource                     | sample                                                    | school year | removed                                     | #    | property                            |
        | studentCTEProgramAssociation | fixtures/dpi/samples/student-cte-program-association.json | 2020-21     | endDate                                     | 10.0 | endDate                             |
        | studentCTEProgramAssociation | fixtures/dpi/samples/student-cte-program-association.json | 2020-21     | _EXT.WI.certificatedProgramStatusDescriptor | 7.0  | certificatedProgramStatusDescriptor |
        | studentCTEProgramAssociation | fixtures/dpi/samples/student-cte-program-association.json | 2020-21     | programReference.programname                | 3.0  | programName                         |

      @sy-2023
      Examples: studentSectionAssociation
        | resource                  | sample                                                | school year | removed                      | #    | property    |
        | studentSectionAssociation | fixtures/dpi/samples/student-section-association.json | 2022-23     | sectionReference.sessionName | 16.0 | sessionName |
        | studentSectionAssociation | fixtures/dpi/samples/student-section-association.json | 2022-23     | _ext.WI.programs             | 18.0 | programName |

    @sy-2021
    Scenario: A sample whose required property is empty is caught
      Given DPI's studentCTEProgramAssociation sample kept in "fixtures/dpi/samples/student-cte-program-association.json" for 2020-21, with "studentReference.studentUniqueId" set to ""
      Then the check finds property 5.0 "studentUniqueId" empty

    @sy-2021
    Scenario: A sample that is not well-formed JSON is caught
      Given DPI's studentCTEProgramAssociation sample for 2020-21:
        """json
        {
          "beginDate": "2020-07-01",
          "endDate": 
        }
        """
      Then the sample is reported as not well-formed JSON at line 4

    @sy-2026
    Scenario: From 2025-26 a section's programs are expected in core, not in DPI's extension
      Given DPI's studentSectionAssociation sample kept in "fixtures/dpi/samples/student-section-association.json" for 2025-26
      Then the check finds property 18.0 "programName" missing
      And the check finds property 19.0 "programTypeDescriptor" missing
