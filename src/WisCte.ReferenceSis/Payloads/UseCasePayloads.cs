using WisCte.EdFi.Model;
using System.Globalization;
using System.Text.Json.Nodes;
using WisCte.Dpi;

namespace WisCte.ReferenceSis.Payloads;

/// <summary>
/// The JSON DPI documents for each submission, shaped for the school year: section programs in DPI's extension through
/// 2024-25 and in core from 2025-26; the CTE association's pathway and cipCode in ctePrograms through 2024-25 and in
/// cteProgramServices from 2025-26.
/// </summary>
public static class UseCasePayloads
{
    private static readonly SchoolYear CoreFrom = new(2026);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The session every baseline school has in a year, e.g. "2025-2026 School Calendar".</summary>
    public static string SessionName(SchoolYear year) => $"{year.EndYear - 1}-{year.EndYear} School Calendar";

    /// <summary>
    /// From 2025-26 a CTE association reports <c>cteProgramServices</c> (CteProgramServiceDescriptor); before, or in the
    /// old shape, <c>ctePrograms</c> (CareerPathwayDescriptor).
    /// </summary>
    public static bool UsesCteProgramServices(SchoolYear year, bool oldShape = false) => year >= CoreFrom && !oldShape;

    /// <summary>A school's offering of one of the LEA's courses in the year's session.</summary>
    public static JsonObject CourseOffering(string localCourseCode, string courseCode, long localEducationAgencyId, long schoolId, SchoolYear year) => new()
    {
        ["localCourseCode"] = localCourseCode,
        ["courseReference"] = new JsonObject { ["courseCode"] = courseCode, ["educationOrganizationId"] = localEducationAgencyId },
        ["schoolReference"] = new JsonObject { ["schoolId"] = schoolId },
        ["sessionReference"] = new JsonObject { ["schoolId"] = schoolId, ["schoolYear"] = year.EndYear, ["sessionName"] = SessionName(year) },
    };

    /// <summary>A course of the LEA's own (a SIS may not create one: only DPI's courses exist in WISEdata).</summary>
    public static JsonObject LocalCourse(string courseCode, string title, long localEducationAgencyId) => new()
    {
        ["courseCode"] = courseCode,
        ["courseTitle"] = title,
        ["numberOfParts"] = 1,
        ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = localEducationAgencyId },
        ["identificationCodes"] = new JsonArray(new JsonObject
        {
            ["courseIdentificationSystemDescriptor"] = "uri://ed-fi.org/CourseIdentificationSystemDescriptor#LEA course code",
            ["identificationCode"] = courseCode,
        }),
    };

    public static JsonObject Student(string uniqueId, string runId) => new()
    {
        ["studentUniqueId"] = uniqueId,
        ["firstName"] = "Fictional",
        ["lastSurname"] = $"WisCte run {runId}",
        ["birthDate"] = "2008-09-15",
    };

    public static JsonObject SchoolEnrollment(
        string student, long schoolId, string gradeDescriptor, DateOnly entryDate, string? enrollmentTypeDescriptor = null,
        string? residencyStatusDescriptor = null, long? residentLea = null, IReadOnlyList<(string CountDate, string Service)>? receivingServices = null)
    {
        var body = new JsonObject
        {
            ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
            ["schoolReference"] = new JsonObject { ["schoolId"] = schoolId },
            ["entryDate"] = Date(entryDate),
            ["entryGradeLevelDescriptor"] = gradeDescriptor,
        };
        if (enrollmentTypeDescriptor is not null)
            body["enrollmentTypeDescriptor"] = enrollmentTypeDescriptor;
        var wi = new JsonObject();
        if (residencyStatusDescriptor is not null)
        {
            var period = new JsonObject { ["beginDate"] = Date(entryDate), ["residencyStatusDescriptor"] = residencyStatusDescriptor };
            if (residentLea is { } lea)
                period["residentLocalEducationAgencyReference"] = new JsonObject { ["localEducationAgencyId"] = lea };
            wi["residencyPeriods"] = new JsonArray(period);
        }
        if (receivingServices is { Count: > 0 })
        {
            wi["receivingServices"] = new JsonArray([.. receivingServices.Select(s => (JsonNode?)new JsonObject
            {
                ["countDateNameDescriptor"] = s.CountDate,
                ["countDateReceivingServiceDescriptor"] = s.Service,
            })]);
        }
        if (wi.Count > 0)
            body["_ext"] = new JsonObject { ["WI"] = wi };
        return body;
    }

    public static JsonObject SectionEnrollment(
        string student, SectionRef section, DateOnly beginDate, DateOnly? endDate, SchoolYear year, IReadOnlyList<ProgramRef> programs,
        string attemptStatusDescriptor = "uri://dpi.wi.gov/AttemptStatusDescriptor#S", bool programsInExtension = false)
    {
        var body = new JsonObject
        {
            ["sectionReference"] = section.ToJson(),
            ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
            ["beginDate"] = Date(beginDate),
            ["attemptStatusDescriptor"] = attemptStatusDescriptor,
        };
        if (endDate is { } end)
            body["endDate"] = Date(end);
        if (programs.Count == 0)
            return body;
        var list = new JsonArray([.. programs.Select(p => (JsonNode?)new JsonObject { ["programReference"] = p.ToJson() })]);
        if (year >= CoreFrom && !programsInExtension)
            body["programs"] = list;
        else
            body["_ext"] = new JsonObject { ["WI"] = new JsonObject { ["programs"] = list } };
        return body;
    }

    /// <param name="pathway">A career pathway (through 2024-25) or CTE program service (from 2025-26) descriptor, or null.</param>
    public static JsonObject CteAssociation(
        string student, ProgramRef program, long educationOrganizationId, DateOnly beginDate, DateOnly? endDate, SchoolYear year,
        string? certificatedStatusDescriptor, IReadOnlyList<string> programAreaDescriptors, string? pathway, string? cipCode, bool oldShape = false)
    {
        var body = new JsonObject
        {
            ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = educationOrganizationId },
            ["programReference"] = program.ToJson(),
            ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
            ["beginDate"] = Date(beginDate),
        };
        if (endDate is { } end)
            body["endDate"] = Date(end);
        if (pathway is not null || cipCode is not null)
        {
            var useServices = UsesCteProgramServices(year, oldShape);
            var item = new JsonObject();
            if (pathway is not null)
                item[useServices ? "cteProgramServiceDescriptor" : "careerPathwayDescriptor"] = pathway;
            if (cipCode is not null)
                item["cipCode"] = cipCode;
            body[useServices ? "cteProgramServices" : "ctePrograms"] = new JsonArray(item);
        }
        var wi = new JsonObject();
        if (certificatedStatusDescriptor is not null)
            wi["certificatedProgramStatusDescriptor"] = certificatedStatusDescriptor;
        if (programAreaDescriptors.Count > 0)
            wi["cteConcentrationCteProgramAreas"] = new JsonArray([.. programAreaDescriptors.Select(a => (JsonNode?)new JsonObject { ["cteProgramAreaDescriptor"] = a })]);
        if (wi.Count > 0)
            body["_ext"] = new JsonObject { ["WI"] = wi };
        return body;
    }

    public static JsonObject Grade(string student, SectionRef section, DateOnly sectionBeginDate, string letter, string gradingPeriodName = "Semester 1",
        string gradingPeriodDescriptor = "uri://ed-fi.org/GradingPeriodDescriptor#First Semester") => new()
    {
        ["gradeTypeDescriptor"] = "uri://ed-fi.org/GradeTypeDescriptor#Final",
        ["gradingPeriodReference"] = new JsonObject
        {
            ["gradingPeriodDescriptor"] = gradingPeriodDescriptor,
            ["gradingPeriodName"] = gradingPeriodName,
            ["schoolId"] = section.SchoolId,
            ["schoolYear"] = section.SchoolYear,
        },
        ["studentSectionAssociationReference"] = new JsonObject
        {
            ["beginDate"] = Date(sectionBeginDate),
            ["localCourseCode"] = section.LocalCourseCode,
            ["schoolId"] = section.SchoolId,
            ["schoolYear"] = section.SchoolYear,
            ["sectionIdentifier"] = section.SectionIdentifier,
            ["sessionName"] = section.SessionName,
            ["studentUniqueId"] = student,
        },
        ["letterGradeEarned"] = letter,
    };

    public static JsonObject Characteristic(string student, long educationOrganizationId, string characteristicDescriptor) => new()
    {
        ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = educationOrganizationId },
        ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
        ["studentCharacteristics"] = new JsonArray(new JsonObject { ["studentCharacteristicDescriptor"] = characteristicDescriptor }),
    };

    public static JsonObject AttendanceEvent(string student, long schoolId, int schoolYear, string sessionName, DateOnly date, string categoryDescriptor) => new()
    {
        ["attendanceEventCategoryDescriptor"] = categoryDescriptor,
        ["eventDate"] = Date(date),
        ["schoolReference"] = new JsonObject { ["schoolId"] = schoolId },
        ["sessionReference"] = new JsonObject { ["schoolId"] = schoolId, ["schoolYear"] = schoolYear, ["sessionName"] = sessionName },
        ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
    };
}
