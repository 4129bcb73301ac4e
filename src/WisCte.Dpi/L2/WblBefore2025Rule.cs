using System.Text.Json;
using WisCte.Dpi.L1;
using WisCte.EdFi.Model;

namespace WisCte.Dpi.L2;

/// <summary>
/// The page's table reports WBL "2024-25 SY and Later", yet DPI's own 2022-23 section sample uses WBL and was accepted.
/// So WBL before 2024-25 is accepted when pushed and flagged here instead.
/// </summary>
public sealed class WblBefore2025Rule : IL2Rule
{
    private static readonly SchoolYear WblFrom = new(2025);

    public string Code => "WI-L2-WBL-BEFORE-2025";
    public Severity Severity => Severity.Warning;

    public string Source => "DPI CTE page, program type table: 'WBL | Work-based Learning (2024-25 SY and Later)'; use case 3.0 'Starting 24-25 SY, the program type \"non-certified\" is updated to \"WBL\"'. " +
                            "Harness choice: DPI's studentSectionAssociation sample (2022-23) uses WBL, so it is a warning, not a refusal.";

    public IEnumerable<ValidationResult> Run(L2Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Year >= WblFrom)
            yield break;
        foreach (var resource in new[] { ProgramReferences.StudentSectionAssociations, ProgramReferences.StudentCteProgramAssociations })
        {
            foreach (var record in context.Data.Records(resource))
            {
                using var document = record.Read();
                var body = document.RootElement;
                foreach (var program in ProgramReferences.In(resource, body))
                {
                    if (string.Equals(ProgramReferences.Code(Roster.Text(program, "programTypeDescriptor")), "WBL", StringComparison.OrdinalIgnoreCase))
                        yield return context.Result(this,
                            $"'{Roster.Text(program, "programName")}' is reported as WBL in {context.Year}; DPI's table has WBL from 2024-25 (use 'Non Certified' before).",
                            resource, record, Roster.Student(body));
                }
            }
        }
    }
}
