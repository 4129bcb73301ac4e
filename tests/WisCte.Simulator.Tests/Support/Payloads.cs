using System.Text.Json.Nodes;

namespace WisCte.Simulator.Tests.Support;

/// <summary>Request bodies the tests build on, against the baseline's LEA 48856 and its schools.</summary>
public static class Payloads
{
    /// <summary>A section of the baseline at Fictional High School (7525) for a school year, e.g. "ENG9" or "CNA".</summary>
    public static JsonObject SectionReference(string localCourseCode, int schoolYear = 2026, long schoolId = 7525) => new()
    {
        ["localCourseCode"] = localCourseCode,
        ["schoolId"] = schoolId,
        ["schoolYear"] = schoolYear,
        ["sectionIdentifier"] = $"{localCourseCode}-01-{schoolYear}",
        ["sessionName"] = $"{schoolYear - 1}-{schoolYear} School Calendar",
    };

    public static JsonObject StudentSectionAssociation(string student, string localCourseCode = "ENG9", int schoolYear = 2026, string beginDate = "2025-08-26") => new()
    {
        ["sectionReference"] = SectionReference(localCourseCode, schoolYear),
        ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
        ["beginDate"] = beginDate,
        ["attemptStatusDescriptor"] = "uri://dpi.wi.gov/AttemptStatusDescriptor#S",
    };

    public static JsonObject ProgramReference(string type, string name) => new()
    {
        ["educationOrganizationId"] = 48856,
        ["programName"] = name,
        ["programTypeDescriptor"] = $"uri://dpi.wi.gov/ProgramTypeDescriptor#{type}",
    };

    /// <summary>A complete CTE association for a public school: every property DPI requires of public LEAs in that year.</summary>
    public static JsonObject CteAssociation(string student, int schoolYear, string type = "CTE", string name = "Career and Technical Education", long educationOrganizationId = 7525)
    {
        var body = new JsonObject
        {
            ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = educationOrganizationId },
            ["programReference"] = ProgramReference(type, name),
            ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
            ["beginDate"] = $"{schoolYear - 1}-08-26",
            ["endDate"] = $"{schoolYear}-06-05",
            ["_ext"] = new JsonObject
            {
                ["WI"] = new JsonObject
                {
                    ["certificatedProgramStatusDescriptor"] = "uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#B",
                    ["cteConcentrationCteProgramAreas"] = new JsonArray(new JsonObject { ["cteProgramAreaDescriptor"] = "uri://dpi.wi.gov/CteProgramAreaDescriptor#H" }),
                },
            },
        };
        if (schoolYear <= 2025)
            body["ctePrograms"] = new JsonArray(new JsonObject { ["careerPathwayDescriptor"] = "uri://dpi.wi.gov/CareerPathwayDescriptor#8", ["cipCode"] = "51.3902" });
        else
            body["cteProgramServices"] = new JsonArray(new JsonObject { ["cteProgramServiceDescriptor"] = "uri://dpi.wi.gov/CteProgramServiceDescriptor#8", ["cipCode"] = "51.3902" });
        return body;
    }

    /// <summary>A final semester-1 grade on a 2025-26 section enrolment made by <see cref="StudentSectionAssociation"/>.</summary>
    public static JsonObject Grade(string student, string letter, string localCourseCode = "ENG9", string enrolmentBeginDate = "2025-08-26") => new()
    {
        ["gradeTypeDescriptor"] = "uri://ed-fi.org/GradeTypeDescriptor#Final",
        ["gradingPeriodReference"] = new JsonObject
        {
            ["gradingPeriodDescriptor"] = "uri://ed-fi.org/GradingPeriodDescriptor#First Semester",
            ["gradingPeriodName"] = "Semester 1",
            ["schoolId"] = 7525,
            ["schoolYear"] = 2026,
        },
        ["studentSectionAssociationReference"] = new JsonObject
        {
            ["beginDate"] = enrolmentBeginDate,
            ["localCourseCode"] = localCourseCode,
            ["schoolId"] = 7525,
            ["schoolYear"] = 2026,
            ["sectionIdentifier"] = $"{localCourseCode}-01-2026",
            ["sessionName"] = "2025-2026 School Calendar",
            ["studentUniqueId"] = student,
        },
        ["letterGradeEarned"] = letter,
    };
}
