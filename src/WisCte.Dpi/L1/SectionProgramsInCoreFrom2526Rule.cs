using WisCte.EdFi.Model;
namespace WisCte.Dpi.L1;

/// <summary>
/// From 2025-26 a section's program participation (programName, programTypeDescriptor) is sent in the core
/// <c>programs</c> collection, not in DPI's extension.
/// </summary>
public sealed class SectionProgramsInCoreFrom2526Rule : IL1Rule
{
    private static readonly SchoolYear From = new(2026);

    public string Id => "WI-L1-2526-SECTION-PROGRAMS";

    public string Source => "DPI CTE page, data properties 18.0 'programName (moved to core starting 2025-26)' and 19.0 'programTypeDescriptor (moved to core starting 2025-26)'";

    public IEnumerable<RuleViolation> Check(L1Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Year < From || !string.Equals(request.Resource, ProgramReferences.StudentSectionAssociations, StringComparison.OrdinalIgnoreCase))
            yield break;
        if (ProgramReferences.Child(ProgramReferences.Extension(request.Document), "programs") is not null)
            yield return new RuleViolation(Id, "$._ext.WI.programs",
                $"From 2025-26 programName and programTypeDescriptor on studentSectionAssociation moved to core: send them in programs[].programReference, not _ext.WI.programs, in {request.Year}.");
    }
}
