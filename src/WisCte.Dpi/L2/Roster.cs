using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WisCte.Dpi.L1;

namespace WisCte.Dpi.L2;

/// <summary>
/// Joins across resources the L2 rules share (students' grade levels, sections' courses, grades of a section
/// enrolment), and reading a record's members without regard to case, as the ODS binds JSON: on a request's tree
/// (<see cref="JsonNode"/>) or on a stored record read without one (<see cref="JsonElement"/>).
/// </summary>
public sealed class Roster(IL2DataSet data)
{
    public static readonly string[] CareerEducationProgramTypes = ["Certified", "Non Certified", "IRC", "WBL"];

    public static string? Student(JsonObject body) => Text(Child(body, "studentReference"), "studentUniqueId");

    public static string? Text(JsonNode? node, string name) =>
        Child(node, name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : Child(node, name)?.ToJsonString();

    public static JsonNode? Child(JsonNode? node, string name) => ProgramReferences.Child(node, name);

    public static string? Student(JsonElement body) => Text(Child(body, "studentReference"), "studentUniqueId");

    /// <summary>A member as text: a string as it is, another value as its JSON; null when it is missing or null.</summary>
    public static string? Text(JsonElement node, string name)
    {
        var value = Child(node, name);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            _ => value.GetRawText(),
        };
    }

    /// <summary>A member by name, without regard to case; an undefined element when it is missing or the node is not an object.</summary>
    public static JsonElement Child(JsonElement node, string name) => ProgramReferences.Child(node, name);

    /// <summary>The items of an array member (none when it is missing or not an array).</summary>
    public static JsonElement.ArrayEnumerator Items(JsonElement node, string name)
    {
        var value = Child(node, name);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : default;
    }

    /// <summary>The highest grade level (9–12 by Ed-Fi name) any enrolment of the student gives, or null.</summary>
    public int? GradeOf(string studentUniqueId) =>
        Grades.TryGetValue(studentUniqueId, out var grade) ? grade : null;

    /// <summary>Whether the section a studentSectionAssociation names belongs to a course DPI flags as CTE, and its title.</summary>
    public (bool IsCte, string? CourseTitle) CourseOf(JsonElement studentSectionAssociation)
    {
        var section = Child(studentSectionAssociation, "sectionReference");
        var offeringKey = Key(Text(section, "localCourseCode"), Text(section, "schoolId"), Text(section, "sessionName"));
        var courseCode = offeringKey is not null && Offerings.TryGetValue(offeringKey, out var code) ? code : null;
        return courseCode is not null && Courses.TryGetValue(courseCode, out var course) ? (course.IsCte, course.Title ?? courseCode) : (false, courseCode);
    }

    /// <summary>The grades recorded for a studentSectionAssociation (matched on its natural key).</summary>
    public IEnumerable<L2Record> GradesOf(JsonElement studentSectionAssociation)
    {
        var section = Child(studentSectionAssociation, "sectionReference");
        var key = Key(Student(studentSectionAssociation), Text(studentSectionAssociation, "beginDate"), Text(section, "sectionIdentifier"), Text(section, "localCourseCode"));
        return key is null ? [] : GradesByEnrolment[key];
    }

    // Indexes, each built once, in one pass over its resource, the first time a rule asks (O(n) for the run), and safe
    // to ask for from rules running at once. Each record is read once, and only small facts are kept.
    private Dictionary<string, int?> Grades => LazyInitializer.EnsureInitialized(ref _grades, ref _gradesLock, IndexGrades);

    private Dictionary<string, int?> IndexGrades()
    {
        var grades = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var record in data.Records("studentSchoolAssociations"))
        {
            using var document = record.Read();
            var body = document.RootElement;
            var student = Student(body) ?? "";
            var grade = GradeNumber(ProgramReferences.Code(Text(body, "entryGradeLevelDescriptor")));
            grades[student] = grades.TryGetValue(student, out var earlier) ? Max(earlier, grade) : grade;
        }
        return grades;
    }

    private Dictionary<string, string?> Offerings => LazyInitializer.EnsureInitialized(ref _offerings, ref _offeringsLock, IndexOfferings);

    private Dictionary<string, string?> IndexOfferings()
    {
        var offerings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in data.Records("courseOfferings"))
        {
            using var document = record.Read();
            var o = document.RootElement;
            if (Key(Text(o, "localCourseCode"), Text(Child(o, "schoolReference"), "schoolId"), Text(Child(o, "sessionReference"), "sessionName")) is { } key)
                offerings.TryAdd(key, Text(Child(o, "courseReference"), "courseCode"));
        }
        return offerings;
    }

    /// <summary>Per course code, whether DPI flags the course as CTE (it names a CTE program area) and its title.</summary>
    private Dictionary<string, (bool IsCte, string? Title)> Courses => LazyInitializer.EnsureInitialized(ref _courses, ref _coursesLock, IndexCourses);

    private Dictionary<string, (bool IsCte, string? Title)> IndexCourses()
    {
        var courses = new Dictionary<string, (bool, string?)>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in data.Records("courses"))
        {
            using var document = record.Read();
            var c = document.RootElement;
            if (Text(c, "courseCode") is { } code)
                courses.TryAdd(code, (Text(Child(Child(c, "_ext"), "WI"), "cteProgramAreaDescriptor") is not null, Text(c, "courseTitle")));
        }
        return courses;
    }

    /// <summary>The grades by the key of the section enrolment they name: the records, whose bodies are read when asked for.</summary>
    private ILookup<string, L2Record> GradesByEnrolment => LazyInitializer.EnsureInitialized(ref _gradesByEnrolment, ref _gradesByEnrolmentLock, IndexGradesByEnrolment);

    private ILookup<string, L2Record> IndexGradesByEnrolment()
    {
        var keyed = new List<(string Key, L2Record Record)>();
        foreach (var record in data.Records("grades"))
        {
            using var document = record.Read();
            if (EnrolmentKey(Child(document.RootElement, "studentSectionAssociationReference")) is { } key)
                keyed.Add((key, record));
        }
        return keyed.ToLookup(g => g.Key, g => g.Record, StringComparer.OrdinalIgnoreCase);
    }

    private static string? EnrolmentKey(JsonElement reference) =>
        Key(Text(reference, "studentUniqueId"), Text(reference, "beginDate"), Text(reference, "sectionIdentifier"), Text(reference, "localCourseCode"));

    private Dictionary<string, int?>? _grades;
    private Dictionary<string, string?>? _offerings;
    private Dictionary<string, (bool IsCte, string? Title)>? _courses;
    private ILookup<string, L2Record>? _gradesByEnrolment;
    private object? _gradesLock, _offeringsLock, _coursesLock, _gradesByEnrolmentLock;

    /// <summary>A composite key, or null when a part is missing (a missing part matches nothing).</summary>
    private static string? Key(params string?[] parts) => parts.Any(p => p is null) ? null : string.Join('\u001f', parts);

    /// <summary>The larger of two grade levels, as LINQ's Max reads nulls: a known grade wins over none.</summary>
    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

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
