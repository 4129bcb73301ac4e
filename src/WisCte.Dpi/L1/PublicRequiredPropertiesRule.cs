using WisCte.Dpi.DataProperties;

namespace WisCte.Dpi.L1;

/// <summary>
/// A CTE association for a public school must carry every property DPI's data-properties table marks REQ'D for public
/// LEAs in that school year (certificated program status, program area, career pathway through 2024-25, end date …).
/// </summary>
public sealed class PublicRequiredPropertiesRule(DataPropertyTable table) : IL1Rule
{
    public string Id => "WI-L1-PUBLIC-REQUIRED";

    public string Source => "DPI CTE page, 'Data Properties' table, column 'Public (Required/ Optional/ Conditional)', rows 1.0-10.0";

    public IEnumerable<RuleViolation> Check(L1Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.Resource, ProgramReferences.StudentCteProgramAssociations, StringComparison.OrdinalIgnoreCase))
            yield break;
        var edOrg = ProgramReferences.Child(ProgramReferences.Child(request.Document, "educationOrganizationReference"), "educationOrganizationId");
        if (edOrg is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<long>(out var id) && request.ReferenceData.IsChoiceSchool(id))
            yield break; // not required of Choice schools (and NoCteFromChoiceSchoolRule refuses the record anyway)

        foreach (var finding in RequiredPropertyCheck.Check(table, "studentCTEProgramAssociation", request.Year, request.Document).Where(f => !f.IsPresent))
        {
            var property = finding.Property;
            yield return new RuleViolation(Id, "$." + property.PathIn(request.Year)!.Replace("[]", "", StringComparison.Ordinal),
                $"{property.Property} (DPI data property {property.Number}) is required of public LEAs in {request.Year}: {finding.Problem}.");
        }
    }
}
