using System.Text.Json;
using WisCte.Dpi.L1;

namespace WisCte.Dpi.L2;

/// <summary>16.1: participation in a career education program is reported on a section, but no studentCTEProgramAssociation reports the student's status in that program.</summary>
public sealed class ParticipationWithoutCteAssociationRule : IL2Rule
{
    public string Code => "WI-L2-16.1";
    public Severity Severity => Severity.Error;

    public string Source => "DPI CTE page, use case 16.1 '/SCTEPA not reported for student participating in career education program': " +
                            "'DPI will throw a validation error'. Career education programs: types Certified, Non Certified, IRC, WBL (Dual is a dual-enrolment program).";

    public IEnumerable<ValidationResult> Run(L2Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // (student, program name, program type) of every CTE association, once: a set, so each participation is one look-up.
        var associations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in context.Data.Records(ProgramReferences.StudentCteProgramAssociations))
        {
            using var document = record.Read();
            var program = Roster.Child(document.RootElement, "programReference");
            associations.Add(Reported(Roster.Student(document.RootElement), Roster.Text(program, "programName"), ProgramReferences.Code(Roster.Text(program, "programTypeDescriptor"))));
        }

        foreach (var record in context.Data.Records(ProgramReferences.StudentSectionAssociations))
        {
            using var document = record.Read();
            var body = document.RootElement;
            var student = Roster.Student(body);
            foreach (var program in ProgramReferences.In(ProgramReferences.StudentSectionAssociations, body))
            {
                var name = Roster.Text(program, "programName");
                var type = ProgramReferences.Code(Roster.Text(program, "programTypeDescriptor"));
                if (type is null || !Roster.CareerEducationProgramTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
                    continue;
                if (!associations.Contains(Reported(student, name, type)))
                    yield return context.Result(this,
                        $"Student {student} is reported as participating in '{name}' ({type}) on section {Roster.Text(Roster.Child(body, "sectionReference"), "sectionIdentifier")}, " +
                        "but no studentCTEProgramAssociation reports the student's status in that program.",
                        ProgramReferences.StudentSectionAssociations, record, student);
            }
        }
    }

    /// <summary>A participation's identity: the student as sent, the program's name and type without regard to case.</summary>
    private static string Reported(string? student, string? name, string? type) =>
        $"{student}\u001f{name?.ToUpperInvariant()}\u001f{type?.ToUpperInvariant()}";
}
