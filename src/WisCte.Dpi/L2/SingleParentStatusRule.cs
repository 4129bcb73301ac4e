using System.Text.Json;
using WisCte.Dpi.L1;

namespace WisCte.Dpi.L2;

/// <summary>17.2: single-parent status is required for grade 11 and 12 CTE students.</summary>
public sealed class SingleParentStatusRule : IL2Rule
{
    public string Code => "WI-L2-17.2";
    public Severity Severity => Severity.Error;

    public string Source => "DPI CTE page, use case 17.2: 'Single Parent status is required for CTE data reporting and therefore is required for all 11th and 12th grade students.' " +
                            "Harness reading: a CTE student (one with a studentCTEProgramAssociation) in grade 11 or 12 needs a studentEducationOrganizationAssociation, where " +
                            "student characteristics (Single Parent among them) are reported; Ed-Fi cannot say 'not a single parent' other than by that record without the characteristic. " +
                            "Severity Error: DPI's sentence says 'required' (no DPI message code for it was found).";

    public IEnumerable<ValidationResult> Run(L2Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var roster = context.Roster;
        var withCharacteristics = context.Data.Records("studentEducationOrganizationAssociations").Select(StudentOf).ToHashSet(StringComparer.Ordinal);
        var cteStudents = context.Data.Records(ProgramReferences.StudentCteProgramAssociations).GroupBy(StudentOf, StringComparer.Ordinal);
        foreach (var group in cteStudents)
        {
            var student = group.Key;
            if (student is null || withCharacteristics.Contains(student))
                continue;
            var grade = roster.GradeOf(student);
            if (grade is not (11 or 12))
                continue;
            yield return context.Result(this,
                $"CTE student {student} is in grade {grade} but no studentEducationOrganizationAssociation reports the student's characteristics: single-parent status is required of grade 11 and 12 CTE students.",
                ProgramReferences.StudentCteProgramAssociations, group.First(), student);
        }
    }

    private static string? StudentOf(L2Record record)
    {
        using var document = record.Read();
        return Roster.Student(document.RootElement);
    }
}
