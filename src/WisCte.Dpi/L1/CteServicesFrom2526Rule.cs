using WisCte.EdFi.Model;
namespace WisCte.Dpi.L1;

/// <summary>
/// From 2025-26, cipCode moves under cteProgramServices and cteProgramServiceDescriptor replaces the career pathway:
/// a CTE association that still sends the old <c>ctePrograms</c> collection is refused.
/// </summary>
public sealed class CteServicesFrom2526Rule : IL1Rule
{
    private static readonly SchoolYear From = new(2026);

    public string Id => "WI-L1-2526-CTE-SERVICES";

    public string Source => "DPI CTE page, data properties 6.0 'cipCode (Moved under cteProgramServices starting 2025-26)' and 9.0 careerPathwayDescriptor: " +
                            "'uri://dpi.wi.gov/CareerPathwayDescriptor (from 2024-25 and prior)', 'uri://dpi.wi.gov/cteProgramServiceDescriptor (from 2025-26 onward)'";

    public IEnumerable<RuleViolation> Check(L1Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Year < From || !string.Equals(request.Resource, ProgramReferences.StudentCteProgramAssociations, StringComparison.OrdinalIgnoreCase))
            yield break;
        if (ProgramReferences.Child(request.Document, "ctePrograms") is not null)
            yield return new RuleViolation(Id, "$.ctePrograms",
                $"From 2025-26 cipCode moves under cteProgramServices and cteProgramServiceDescriptor replaces careerPathwayDescriptor: send cteProgramServices, not ctePrograms, in {request.Year}.");
    }
}
