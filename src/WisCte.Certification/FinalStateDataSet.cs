using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WisCte.Dpi.L2;
using WisCte.EdFi.Model;

namespace WisCte.Certification;

/// <summary>
/// One school year of a <see cref="FinalState"/> as DPI's L2 rules read it for an LEA: DPI's reference data, and the
/// records the LEA's key may read through the API, as WISEdata authorizes a SIS key (the ODS's relationship-based
/// authorization, as the simulator's RelationshipAuthorization reads it):
/// <list type="bullet">
/// <item>every education organization a record names (each <c>schoolId</c>, its <c>educationOrganizationReference</c>)
/// is the LEA or one of its schools, where the state knows it as a school or an LEA;</item>
/// <item>a record keyed by a student (a <c>studentUniqueId</c> in its natural key) is read only while the student has a
/// studentSchoolAssociation at one of the LEA's schools. A SIS that deletes a student's last enrolment leaves the
/// student's other records stored, but its key no longer reads them, nor do the rules.</item>
/// </list>
/// Records in the order they were first stored; each resource read once and kept (as the state's UTF-8, parsed when a
/// rule reads a body). Who may read a record is decided on its <see cref="RecordAccess"/>, without parsing it.
/// </summary>
internal sealed class FinalStateDataSet : IL2DataSet
{
    private const string Enrolments = "studentSchoolAssociations";

    private readonly FinalState.YearState _state;
    private readonly SchemaCatalog _schema;
    private readonly long _lea;
    private readonly Dictionary<string, IReadOnlyList<L2Record>> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, long?> _leaOf = [];
    private Dictionary<string, HashSet<long>>? _schoolsByStudent;

    public FinalStateDataSet(FinalState.YearState state, SchemaCatalog schema, long localEducationAgencyId)
    {
        _state = state;
        _schema = schema;
        _lea = localEducationAgencyId;
    }

    public IReadOnlyList<L2Record> Records(string resource)
    {
        lock (_cache)
            return ReadableRecords(resource);
    }

    private IReadOnlyList<L2Record> ReadableRecords(string resource)
    {
        if (_cache.TryGetValue(resource, out var cached))
            return cached;
        var schema = _schema.Find(resource);
        IReadOnlyList<L2Record> records = schema is null
            ? []
            : [.. _state.InOrder(schema.Endpoint).Where(r => schema.IsOwnedByDpi || Readable(r.Access)).Select(r => L2Record.FromUtf8(r.Id ?? "", r.Utf8))];
        _cache[resource] = records;
        return records;
    }

    private bool Readable(RecordAccess access)
    {
        foreach (var id in access.EducationOrganizations)
        {
            if (id != _lea && LeaOf(id) is { } lea && lea != _lea)
                return false;
        }
        foreach (var student in access.Students)
        {
            if (!IsEnrolledHere(student))
                return false;
        }
        return true;
    }

    /// <summary>Whether the student has a studentSchoolAssociation at a school of the LEA (an index of enrolments, built once).</summary>
    private bool IsEnrolledHere(string? student)
    {
        if (student is null)
            return false;
        if (_schoolsByStudent is null)
        {
            _schoolsByStudent = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
            foreach (var enrolment in _state.InOrder(Enrolments))
            {
                // An enrolment's key names one student: studentReference.studentUniqueId.
                if (enrolment.Access.Students is [{ } key] && enrolment.Access.School is { } school)
                {
                    if (!_schoolsByStudent.TryGetValue(key, out var schools))
                        _schoolsByStudent[key] = schools = [];
                    schools.Add(school);
                }
            }
        }
        return _schoolsByStudent.TryGetValue(student, out var at) && at.Any(school => LeaOf(school) == _lea);
    }

    /// <summary>The LEA an education organization id stands for: its own id for an LEA, its LEA for a school, null when the state knows neither.</summary>
    private long? LeaOf(long id)
    {
        if (_leaOf.TryGetValue(id, out var known))
            return known;
        var key = id.ToString(CultureInfo.InvariantCulture);
        return _leaOf[id] = _state.ByKey("schools", key) is { } school
            ? school.Access.LocalEducationAgency
            : _state.ByKey("localEducationAgencies", key) is not null ? id : null;
    }
}

/// <summary>
/// What the LEA's key reads a stored record by (the authorization <see cref="FinalStateDataSet"/> applies), taken from
/// its body once, when it is stored, so that reading the state does not parse every record: the education
/// organizations it names, the students its natural key names (compared as keys compare), and the school
/// (<c>schoolReference</c>) and LEA (<c>localEducationAgencyReference</c>) it names.
/// </summary>
internal readonly record struct RecordAccess(long[] EducationOrganizations, string?[] Students, long? School, long? LocalEducationAgency)
{
    public static RecordAccess Of(ResourceSchema schema, JsonObject body) => new(
        [.. RecordSubjects.EducationOrganizations(body).Select(o => o.Id)],
        [.. schema.IdentityPaths.Where(NamesStudent).Select(p => RecordSubjects.StudentKey(JsonPath.Get(body, p)))],
        Id(Member(body, "schoolReference", "schoolId")),
        Id(Member(body, "localEducationAgencyReference", "localEducationAgencyId")));

    private static bool NamesStudent(string path) =>
        path.EndsWith("studentUniqueId", StringComparison.OrdinalIgnoreCase) && (path.Length == 15 || path[^16] == '.');

    private static long? Id(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var id) => id,
        JsonValue v when v.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) => id,
        _ => null,
    };

    private static JsonNode? Member(JsonObject body, string reference, string name) =>
        JsonPath.Member(body, reference) is JsonObject obj ? JsonPath.Member(obj, name) : null;
}
