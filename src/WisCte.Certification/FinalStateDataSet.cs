using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using WisCte.Dpi.Validation;
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
/// Records in the order they were first stored; each resource read once and kept.
/// </summary>
internal sealed class FinalStateDataSet : IL2DataSet
{
    private const string Enrolments = "studentSchoolAssociations";

    private readonly FinalState.YearState _state;
    private readonly SchemaCatalog _schema;
    private readonly long _lea;
    private readonly Dictionary<string, IReadOnlyList<L2Record>> _cache = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, HashSet<long>>? _schoolsByStudent;

    public FinalStateDataSet(FinalState.YearState state, SchemaCatalog schema, long localEducationAgencyId)
    {
        _state = state;
        _schema = schema;
        _lea = localEducationAgencyId;
    }

    public IReadOnlyList<L2Record> Records(string resource)
    {
        if (_cache.TryGetValue(resource, out var cached))
            return cached;
        var schema = _schema.Find(resource);
        IReadOnlyList<L2Record> records = schema is null
            ? []
            : [.. _state.InOrder(schema.Endpoint).Where(r => schema.IsOwnedByDpi || Readable(schema, r.Body)).Select(r => new L2Record(r.Id ?? "", r.Body))];
        _cache[resource] = records;
        return records;
    }

    private bool Readable(ResourceSchema schema, JsonObject body)
    {
        foreach (var (_, id) in RecordSubjects.EducationOrganizations(body))
        {
            if (id != _lea && LeaOf(id) is { } lea && lea != _lea)
                return false;
        }
        foreach (var path in schema.IdentityPaths.Where(p => p[(p.LastIndexOf('.') + 1)..].Equals("studentUniqueId", StringComparison.OrdinalIgnoreCase)))
        {
            if (!IsEnrolledHere(RecordSubjects.StudentKey(JsonPath.Get(body, "$." + path))))
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
                if (RecordSubjects.StudentKey(Member(enrolment.Body, "studentReference", "studentUniqueId")) is { } key && Id(Member(enrolment.Body, "schoolReference", "schoolId")) is { } school)
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
        var key = id.ToString(CultureInfo.InvariantCulture);
        if (_state.ByKey("schools", key) is { } school)
            return Member(school.Body, "localEducationAgencyReference", "localEducationAgencyId") is JsonValue lea && lea.TryGetValue<long>(out var leaId) ? leaId : null;
        return _state.ByKey("localEducationAgencies", key) is not null ? id : null;
    }

    private static long? Id(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var id) => id,
        JsonValue v when v.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) => id,
        _ => null,
    };

    private static JsonNode? Member(JsonObject body, string reference, string name) =>
        Field(Field(body, reference) as JsonObject, name);

    private static JsonNode? Field(JsonObject? obj, string name) =>
        obj?.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
