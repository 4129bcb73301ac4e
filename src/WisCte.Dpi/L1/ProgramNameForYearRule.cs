using WisCte.Dpi.Programs;

namespace WisCte.Dpi.L1;

/// <summary>
/// A program named on a CTE association or a section must be one of DPI's program names for its program type in that
/// school year (names move between types: several Certified names are WBL names from 2024-25).
/// </summary>
public sealed class ProgramNameForYearRule(CteProgramCatalog catalog) : IL1Rule
{
    private readonly HashSet<string> _types = catalog.ProgramTypes.ToHashSet(StringComparer.OrdinalIgnoreCase);

    public string Id => "WI-L1-PROGRAM-NAME";

    public string Source => "DPI CTE page, table 'Namespace (Program Type) | Code Value | Description (Program Type) | Program Names'; " +
                            "use cases 1.0-3.0: 'Starting 24-25 SY, the program type \"certified\" is updated to \"IRC\"' and 'the some program names have moved under the WBL program type'";

    public IEnumerable<RuleViolation> Check(L1Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var (path, reference) in ProgramReferences.In(request.Resource, request.Document))
        {
            var type = ProgramReferences.Code(ProgramReferences.Text(reference, "programTypeDescriptor"));
            var name = ProgramReferences.Text(reference, "programName");
            if (type is null || name is null || !_types.Contains(type))
                continue; // not one of DPI's CTE program types (504, Homeless …): not this rule's business
            if (catalog.Find(type, name, request.Year) is not null)
                continue;
            var valid = catalog.For(type, request.Year).Select(p => $"'{p.ProgramName}'").ToList();
            yield return new RuleViolation(Id, path + ".programName", valid.Count == 0
                ? $"Program type '{type}' is not used in {request.Year}, so '{name}' cannot be reported under it."
                : $"'{name}' is not a DPI program name for program type '{type}' in {request.Year}. DPI's names: {string.Join(", ", valid)}.");
        }
    }
}
