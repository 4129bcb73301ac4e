using System.Globalization;
using System.Text.Json.Nodes;
using WisCte.Dpi.L1;

namespace WisCte.Dpi.L2;

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
        Grades.TryGetValue(studentUniqueId, out var grade) ? grade : null;

    /// <summary>Whether the section a studentSectionAssociation names belongs to a course DPI flags as CTE, and its title.</summary>
    public (bool IsCte, string? CourseTitle) CourseOf(JsonObject studentSectionAssociation)
    {
        var section = Child(studentSectionAssociation, "sectionReference");
        var offeringKey = Key(Text(section, "localCourseCode"), Text(section, "schoolId"), Text(section, "sessionName"));
        var courseCode = offeringKey is not null && Offerings.TryGetValue(offeringKey, out var code) ? code : null;
        var course = courseCode is not null && Courses.TryGetValue(courseCode, out var found) ? found : null;
        var area = Text(Child(Child(course, "_ext"), "WI"), "cteProgramAreaDescriptor");
        return (area is not null, Text(course, "courseTitle") ?? courseCode);
    }

    /// <summary>The grades recorded for a studentSectionAssociation (matched on its natural key).</summary>
    public IEnumerable<JsonObject> GradesOf(JsonObject studentSectionAssociation)
    {
        var section = Child(studentSectionAssociation, "sectionReference");
        var key = Key(Student(studentSectionAssociation), Text(studentSectionAssociation, "beginDate"), Text(section, "sectionIdentifier"), Text(section, "localCourseCode"));
        return key is null ? [] : GradesByEnrolment[key].Select(g => g.Body);
    }

    // Indexes, each built once, in one pass over its resource, the first time a rule asks (O(n) for the run). Each
    // record's body is read once (a record held as UTF-8 is parsed on each read), and only small facts are kept.
    private Dictionary<string, int?> Grades => _grades ??= data.Records("studentSchoolAssociations")
        .Select(r => r.Body)
        .Select(b => (Student: Student(b) ?? "", Grade: GradeNumber(ProgramReferences.Code(Text(b, "entryGradeLevelDescriptor")))))
        .GroupBy(e => e.Student, e => e.Grade, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Max(), StringComparer.Ordinal);

    private Dictionary<string, string?> Offerings => _offerings ??= IndexOfferings();

    private Dictionary<string, string?> IndexOfferings()
    {
        var offerings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in data.Records("courseOfferings").Select(r => r.Body))
        {
            if (Key(Text(o, "localCourseCode"), Text(Child(o, "schoolReference"), "schoolId"), Text(Child(o, "sessionReference"), "sessionName")) is { } key)
                offerings.TryAdd(key, Text(Child(o, "courseReference"), "courseCode"));
        }
        return offerings;
    }

    private Dictionary<string, JsonObject> Courses => _courses ??= IndexCourses();

    private Dictionary<string, JsonObject> IndexCourses()
    {
        var courses = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in data.Records("courses").Select(r => r.Body))
        {
            if (Text(c, "courseCode") is { } code)
                courses.TryAdd(code, c);
        }
        return courses;
    }

    /// <summary>The grades by the key of the section enrolment they name: the records, whose bodies are read when asked for.</summary>
    private ILookup<string, L2Record> GradesByEnrolment => _gradesByEnrolment ??= data.Records("grades")
        .Select(g => (Key: EnrolmentKey(Child(g.Body, "studentSectionAssociationReference")), Record: g))
        .Where(g => g.Key is not null)
        .ToLookup(g => g.Key!, g => g.Record, StringComparer.OrdinalIgnoreCase);

    private static string? EnrolmentKey(JsonNode? reference) =>
        Key(Text(reference, "studentUniqueId"), Text(reference, "beginDate"), Text(reference, "sectionIdentifier"), Text(reference, "localCourseCode"));

    private Dictionary<string, int?>? _grades;
    private Dictionary<string, string?>? _offerings;
    private Dictionary<string, JsonObject>? _courses;
    private ILookup<string, L2Record>? _gradesByEnrolment;

    /// <summary>A composite key, or null when a part is missing (a missing part matches nothing).</summary>
    private static string? Key(params string?[] parts) => parts.Any(p => p is null) ? null : string.Join('\u001f', parts);

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
