using WisCte.EdFi.Model;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WisCte.Simulator.Store;

/// <summary>
/// Where each student is enrolled: student → school → how many studentSchoolAssociations join them, kept by the
/// <see cref="YearStore"/> on every write and delete of a studentSchoolAssociation (key changes and cascades included,
/// since they are writes too). It is the simulator's form of the ODS's auth view
/// <c>auth.EducationOrganizationIdToStudentUSI</c>, which is built from <c>edfi.StudentSchoolAssociation</c> (SchoolId,
/// StudentUSI) alone (Ed-Fi-ODS <c>Application/EdFi.Ods.Standard/Standard/5.2.0/Artifacts/PgSql/Structure/Ods/1400-Alter-EducationOrganizationId-to-bigint.sql</c>),
/// so that "may this key see this student" is a dictionary lookup, never a scan of the enrolments. Schools are kept
/// rather than their LEAs so that the LEA of a school is read when asked (a school's LEA is its own record's business).
/// Not thread-safe: the store calls it inside its lock.
/// </summary>
internal sealed class EnrolmentIndex
{
    public const string Resource = "studentSchoolAssociations";

    private readonly Dictionary<string, Dictionary<long, int>> _schoolsByStudent = new(StringComparer.Ordinal);

    /// <summary>The schools where the student (its key, see <see cref="StudentKey"/>) has at least one enrolment.</summary>
    public IReadOnlyCollection<long> SchoolsOf(string studentKey) =>
        _schoolsByStudent.TryGetValue(studentKey, out var schools) ? schools.Keys : [];

    public void Add(StoredDocument document)
    {
        if (Enrolment(document) is not { } enrolment)
            return;
        if (!_schoolsByStudent.TryGetValue(enrolment.Student, out var schools))
            _schoolsByStudent[enrolment.Student] = schools = [];
        schools[enrolment.School] = schools.GetValueOrDefault(enrolment.School) + 1;
    }

    public void Remove(StoredDocument document)
    {
        if (Enrolment(document) is not { } enrolment || !_schoolsByStudent.TryGetValue(enrolment.Student, out var schools))
            return;
        if (schools.TryGetValue(enrolment.School, out var count) && count > 1)
            schools[enrolment.School] = count - 1;
        else
            schools.Remove(enrolment.School);
        if (schools.Count == 0)
            _schoolsByStudent.Remove(enrolment.Student);
    }

    /// <summary>
    /// A studentUniqueId as the store keys students: compared without regard to case (<see cref="NaturalKey"/>), so a
    /// student's own natural key is its key here.
    /// </summary>
    public static string? StudentKey(JsonNode? studentUniqueId) => RecordSubjects.StudentKey(studentUniqueId);

    private static (string Student, long School)? Enrolment(StoredDocument document)
    {
        if (!document.Resource.Equals(Resource, StringComparison.OrdinalIgnoreCase))
            return null;
        var student = StudentKey(Member(document.Body, "studentReference", "studentUniqueId"));
        var school = Member(document.Body, "schoolReference", "schoolId") switch
        {
            JsonValue v when v.TryGetValue<long>(out var id) => id,
            JsonValue v when v.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) => id,
            _ => (long?)null,
        };
        return student is null || school is null ? null : (student, school.Value);
    }

    private static JsonNode? Member(JsonObject body, string reference, string name) =>
        Field(Field(body, reference) as JsonObject, name);

    private static JsonNode? Field(JsonObject? obj, string name) => obj is null ? null : JsonPath.Member(obj, name);
}
