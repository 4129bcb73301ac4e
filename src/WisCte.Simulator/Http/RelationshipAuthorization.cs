using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using WisCte.Simulator.Store;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Http;

/// <summary>What a request does to an item, as the ODS's claim sets name the actions.</summary>
internal enum DataAction
{
    Create,
    Read,
    Update,
    Delete,
}

/// <summary>
/// A WISEdata SIS key's access to the records SIS clients write, as the ODS authorizes a "SIS Vendor" key through
/// relationships (Ed-Fi-ODS <c>Application/EdFi.Ods.Standard/Standard/5.2.0/Artifacts/PgSql/Data/Security/0002-ResourceClaimMetadata.xml</c>):
/// <list type="bullet">
/// <item>The key is associated with one LEA; its education organizations are that LEA and the LEA's schools
/// (<c>auth.EducationOrganizationIdToEducationOrganizationId</c>). A record's education organizations (every
/// <c>schoolId</c> it names, and its own <c>educationOrganizationReference</c>) must be among them; ids the simulator
/// does not know as a school or an LEA are not checked.</item>
/// <item>A record whose natural key holds a <c>studentUniqueId</c> (a <c>studentReference</c>, or a reference to a
/// record keyed by the student: <c>grades</c>, <c>courseTranscripts</c>…) is also authorized on the student: the
/// student must have a studentSchoolAssociation at a school of the key's LEA (<c>auth.EducationOrganizationIdToStudentUSI</c>,
/// built from studentSchoolAssociations only; <c>StudentEducationOrganizationResponsibilityAssociation</c> feeds a
/// separate view that only the RelationshipsWithStudentsOnlyThroughResponsibility strategy reads, which a SIS key's
/// RelationshipsWithEdOrgsAndPeople does not). As in the ODS, only the key's student counts: a student named outside
/// the key (a survey response's optional <c>studentReference</c>) is not checked.</item>
/// <item>Students are in the "people" domain: Create and Delete need no further authorization (a key creates a student
/// it cannot read yet; deleting an enrolled one is a 409 for its dependants), Read and Update need the relationship.</item>
/// <item>studentSchoolAssociations are in the "primaryRelationships" domain: Create is authorized on the school alone
/// (RelationshipsWithEdOrgsOnly: it is what relates the student), Read, Update and Delete on the school and the student.</item>
/// </list>
/// A refusal is the ODS's (<c>EntityInstanceViewBasedFilterAuthorizer.cs</c>): 403 <c>urn:ed-fi:api:security:authorization</c>,
/// detail "Access to the requested data could not be authorized." with the StudentSchoolAssociation hint when the student
/// was among the properties checked, and the error naming the properties not authorized by the key's claim alone.
/// Callers must hold the store's lock.
/// </summary>
internal static class RelationshipAuthorization
{
    /// <summary>Ed-Fi-ODS <c>Application/EdFi.Ods.Common/Exceptions/SecurityAuthorizationException.cs</c>, <c>DefaultDetail</c>.</summary>
    public const string DefaultDetail = "Access to the requested data could not be authorized.";

    /// <summary>Ed-Fi-ODS <c>Application/EdFi.Ods.Api/Security/AuthorizationStrategies/Relationships/Filters/Hints/EducationOrganizationIdToStudentUsiAuthorizationViewHintProvider.cs</c>.</summary>
    public const string StudentHint = "You may need to create a corresponding 'StudentSchoolAssociation' item.";

    private const string StudentSubject = "StudentUniqueId";
    private const string EnrolmentResource = "studentSchoolAssociations";

    private static readonly ConditionalWeakTable<ResourceSchema, string[]> StudentPathsBySchema = [];

    /// <summary>Null when the key of <paramref name="clientLea"/> may do <paramref name="action"/> to the record; otherwise the ODS's 403.</summary>
    public static EdFiProblem? Authorize(long clientLea, ResourceSchema resource, JsonObject body, YearStore store, DataAction action) =>
        Allows(clientLea, resource, body, store, action) ? null : Denied(clientLea, Subjects(clientLea, resource, body, store, action));

    /// <summary>Whether the key of <paramref name="clientLea"/> may do <paramref name="action"/> to the record (what lists filter on).</summary>
    public static bool Allows(long clientLea, ResourceSchema resource, JsonObject body, YearStore store, DataAction action)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(store);
        foreach (var (_, id) in RecordSubjects.EducationOrganizations(body))
        {
            if (id != clientLea && LeaOf(id, store) is { } lea && lea != clientLea)
                return false;
        }
        if (!IsAuthorizedOnStudent(resource, action))
            return true;
        foreach (var path in StudentPaths(resource))
        {
            if (!IsRelated(clientLea, YearStore.StudentKey(JsonPath.Get(body, path)), store))
                return false;
        }
        return true;
    }

    /// <summary>
    /// The properties a refusal names, as the ODS's: those its view-based check had to look up, i.e. every education
    /// organization other than the key's own, and the student, sorted.
    /// </summary>
    private static SortedSet<string> Subjects(long clientLea, ResourceSchema resource, JsonObject body, YearStore store, DataAction action)
    {
        var subjects = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, id) in RecordSubjects.EducationOrganizations(body))
        {
            if (id != clientLea && LeaOf(id, store) is not null)
                subjects.Add(name);
        }
        if (IsAuthorizedOnStudent(resource, action) && StudentPaths(resource).Length > 0)
            subjects.Add(StudentSubject);
        return subjects;
    }

    /// <summary>Whether the student has a studentSchoolAssociation at a school of the LEA: a look-up in the store's enrolment index.</summary>
    private static bool IsRelated(long clientLea, string? studentKey, YearStore store)
    {
        if (studentKey is null)
            return false;
        foreach (var school in store.EnrolmentSchools(studentKey))
        {
            if (LeaOf(school, store) == clientLea)
                return true;
        }
        return false;
    }

    /// <summary>Whether the action on the resource is authorized on its student, where it has one (see the class notes).</summary>
    private static bool IsAuthorizedOnStudent(ResourceSchema resource, DataAction action)
    {
        if (resource.Endpoint.Equals("students", StringComparison.OrdinalIgnoreCase))
            return action is DataAction.Read or DataAction.Update;
        if (resource.Endpoint.Equals(EnrolmentResource, StringComparison.OrdinalIgnoreCase))
            return action is not DataAction.Create;
        return true;
    }

    /// <summary>The JSON paths of the resource's natural-key members named studentUniqueId (none for most resources).</summary>
    private static string[] StudentPaths(ResourceSchema resource) =>
        StudentPathsBySchema.GetValue(resource, r => [.. r.IdentityPaths
            .Where(p => p[(p.LastIndexOf('.') + 1)..].Equals("studentUniqueId", StringComparison.OrdinalIgnoreCase))
            .Select(p => "$." + p)]);

    private static EdFiProblem Denied(long clientLea, SortedSet<string> subjects)
    {
        var detail = subjects.Contains(StudentSubject) ? $"{DefaultDetail} Hint: {StudentHint}" : DefaultDetail;
        var names = $"'{string.Join("', '", subjects)}'";
        var claim = clientLea.ToString(CultureInfo.InvariantCulture);
        var error = subjects.Count == 1
            ? $"No relationships have been established between the caller's education organization id claim ({claim}) and the resource item's {names} value."
            : $"No relationships have been established between the caller's education organization id claim ({claim}) and one or more of the following properties of the resource item: {names}.";
        return EdFiProblem.Authorization(detail, error);
    }

    /// <summary>The LEA an education organization id stands for: its own id for an LEA, its LEA for a school, null otherwise.</summary>
    private static long? LeaOf(long id, YearStore store)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        if (store.ByKey("schools", key) is { } school)
        {
            return school.Body["localEducationAgencyReference"]?["localEducationAgencyId"] is JsonValue lea && lea.TryGetValue<long>(out var leaId)
                ? leaId : null;
        }
        return store.ByKey("localEducationAgencies", key) is not null ? id : null;
    }
}
