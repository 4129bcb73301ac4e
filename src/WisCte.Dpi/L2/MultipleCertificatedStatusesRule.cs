using System.Text.Json;
using WisCte.Dpi.L1;

namespace WisCte.Dpi.L2;

/// <summary>
/// DPI warning 6794: one student has several studentCTEProgramAssociations, each with a certificated program status,
/// for one certified program (Certified through 2023-24, IRC after) that no section of the student names. DPI's 5.0 and
/// 11.0 ask for one, the best status. One pass over each resource: O(n).
/// </summary>
public sealed class MultipleCertificatedStatusesRule : IL2Rule
{
    private static readonly string[] CertifiedProgramTypes = ["Certified", "IRC"];

    public string Code => "WI-L2-6794";
    public Severity Severity => Severity.Warning;

    public string Source => "DPI warning 6794 (knowledge article KA-03265): 'Multiple certificated program statuses were submitted for a certified program that is not " +
                            "associated with a course. Only one is expected.' A warning, to be acknowledged if the data is correct; DPI's use cases 5.0 and 11.0: " +
                            "'The LEA is advised to submit the most accurate status', 'LEA should submit the best status.'";

    public IEnumerable<ValidationResult> Run(L2Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var onSections = new HashSet<(string?, string?, string?)>();
        foreach (var record in context.Data.Records(ProgramReferences.StudentSectionAssociations))
        {
            using var document = record.Read();
            var body = document.RootElement;
            var student = Roster.Student(body);
            foreach (var program in ProgramReferences.In(ProgramReferences.StudentSectionAssociations, body))
                onSections.Add(ProgramOf(student, program));
        }

        var certificated = new List<((string?, string?, string?) Program, L2Record Record)>();
        foreach (var record in context.Data.Records(ProgramReferences.StudentCteProgramAssociations))
        {
            using var document = record.Read();
            var body = document.RootElement;
            var program = ProgramOf(Roster.Student(body), Roster.Child(body, "programReference"));
            if (CertifiedProgramTypes.Contains(program.Type, StringComparer.OrdinalIgnoreCase)
                && Roster.Text(ProgramReferences.Extension(body), "certificatedProgramStatusDescriptor") is not null
                && !onSections.Contains(program))
                certificated.Add((program, record));
        }
        var statuses = certificated.GroupBy(a => a.Program, a => a.Record);
        foreach (var group in statuses.Where(g => g.Count() > 1))
        {
            var (student, name, type) = group.Key;
            yield return context.Result(this,
                $"Student {student} has {group.Count()} certificated program statuses for '{name}' ({type}), a certified program no section of the student names: only one, the best status, is expected.",
                ProgramReferences.StudentCteProgramAssociations, group.Last(), student);
        }
    }

    private static (string? Student, string? Name, string? Type) ProgramOf(string? student, JsonElement program) =>
        (student, Roster.Text(program, "programName")?.ToUpperInvariant(), ProgramReferences.Code(Roster.Text(program, "programTypeDescriptor")));
}
