using System.Globalization;
using System.Text.Json.Nodes;
using WisCte.Dpi.Rules;

namespace WisCte.Dpi.Validation;

/// <summary>Joins across resources the L2 rules share: students' grade levels, sections' courses, grades of a section enrolment.</summary>
public sealed class Roster(IL2DataSet data)
{
    public static readonly string[] CareerEducationProgramTypes = ["Certified", "Non Certified", "IRC", "WBL"];

    public static string? Student(JsonObject body) => Text(Child(body, "studentReference"), "studentUniqueId");

    public static string? Text(JsonNode? node, string name) =>
        Child(node, name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : Child(node, name)?.ToJsonString();

    public static JsonNode? Child(JsonNode? node, string name) => ProgramReferences.Child(node, name);

    /// <summary>The highest grade level (9–12 by Ed-Fi name) any enrolment of the student gives, or null.</summary>
    public int? GradeOf(string studentUniqueId) =>
        data.Records("studentSchoolAssociations")
            .Where(r => string.Equals(Student(r.Body), studentUniqueId, StringComparison.Ordinal))
            .Select(r => GradeNumber(ProgramReferences.Code(Text(r.Body, "entryGradeLevelDescriptor"))))
            .Max();

    /// <summary>Whether the section a studentSectionAssociation names belongs to a course DPI flags as CTE, and its title.</summary>
    public (bool IsCte, string? CourseTitle) CourseOf(JsonObject studentSectionAssociation)
    {
        var section = Child(studentSectionAssociation, "sectionReference");
        var localCourseCode = Text(section, "localCourseCode");
        var schoolId = Text(section, "schoolId");
        var sessionName = Text(section, "sessionName");
        var offering = data.Records("courseOfferings").FirstOrDefault(o =>
            Same(Text(o.Body, "localCourseCode"), localCourseCode)
            && Same(Text(Child(o.Body, "schoolReference"), "schoolId"), schoolId)
            && Same(Text(Child(o.Body, "sessionReference"), "sessionName"), sessionName));
        var courseCode = Text(Child(offering?.Body, "courseReference"), "courseCode");
        var course = data.Records("courses").FirstOrDefault(c => Same(Text(c.Body, "courseCode"), courseCode));
        var area = Text(Child(Child(course?.Body, "_ext"), "WI"), "cteProgramAreaDescriptor");
        return (area is not null, Text(course?.Body, "courseTitle") ?? courseCode);
    }

    /// <summary>The grades recorded for a studentSectionAssociation (matched on its natural key).</summary>
    public IEnumerable<JsonObject> GradesOf(JsonObject studentSectionAssociation)
    {
        var section = Child(studentSectionAssociation, "sectionReference");
        var student = Student(studentSectionAssociation);
        var beginDate = Text(studentSectionAssociation, "beginDate");
        return data.Records("grades").Select(g => g.Body).Where(g =>
        {
            var reference = Child(g, "studentSectionAssociationReference");
            return Same(Text(reference, "studentUniqueId"), student)
                   && Same(Text(reference, "beginDate"), beginDate)
                   && Same(Text(reference, "sectionIdentifier"), Text(section, "sectionIdentifier"))
                   && Same(Text(reference, "localCourseCode"), Text(section, "localCourseCode"));
        });
    }

    private static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static int? GradeNumber(string? code) => code?.ToUpperInvariant() switch
    {
        "NINTH GRADE" or "09" or "9" => 9,
        "TENTH GRADE" or "10" => 10,
        "ELEVENTH GRADE" or "11" => 11,
        "TWELFTH GRADE" or "12" => 12,
        { } other when int.TryParse(other, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };
}
