using System.Text.Json.Nodes;

namespace WisCte.Dpi.L1;

/// <summary>
/// DPI expects no CTE data from Choice schools: no CTE association for a Choice school, and no CTE program
/// participation on a section of a Choice school.
/// </summary>
public sealed class NoCteFromChoiceSchoolRule : IL1Rule
{
    private static readonly string[] CteProgramTypes = ["CTE", "Certified", "Non Certified", "IRC", "WBL"];

    public string Id => "WI-L1-CHOICE-NO-CTE";

    public string Source => "DPI CTE page: 'Career and Technical Education (Public LEAs Only)' and 'CTE data is NOT expected from Choice schools.'";

    public IEnumerable<RuleViolation> Check(L1Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var document = request.Document;
        if (string.Equals(request.Resource, ProgramReferences.StudentCteProgramAssociations, StringComparison.OrdinalIgnoreCase))
        {
            if (IdOf(ProgramReferences.Child(document, "educationOrganizationReference"), "educationOrganizationId") is { } edOrg
                && request.ReferenceData.IsChoiceSchool(edOrg))
                yield return new RuleViolation(Id, "$.educationOrganizationReference.educationOrganizationId",
                    $"Education organization {edOrg} is a Choice school: DPI expects no CTE data from Choice schools.");
            yield break;
        }
        if (!string.Equals(request.Resource, ProgramReferences.StudentSectionAssociations, StringComparison.OrdinalIgnoreCase)
            || IdOf(ProgramReferences.Child(document, "sectionReference"), "schoolId") is not { } schoolId
            || !request.ReferenceData.IsChoiceSchool(schoolId))
            yield break;
        foreach (var (path, reference) in ProgramReferences.In(request.Resource, document))
        {
            var type = ProgramReferences.Code(ProgramReferences.Text(reference, "programTypeDescriptor"));
            if (type is not null && CteProgramTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
                yield return new RuleViolation(Id, path,
                    $"School {schoolId} is a Choice school: DPI expects no CTE program participation ('{type}') from Choice schools.");
        }
    }

    private static long? IdOf(JsonNode? reference, string name) =>
        ProgramReferences.Child(reference, name) is JsonValue v && v.TryGetValue<long>(out var id) ? id : null;
}
