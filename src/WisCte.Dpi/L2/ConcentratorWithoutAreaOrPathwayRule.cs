using System.Text.Json;
using WisCte.Dpi.L1;
using WisCte.EdFi.Model;

namespace WisCte.Dpi.L2;

/// <summary>17.1: a CTE concentrator is always a concentrator in a pathway, with at least one program area.</summary>
public sealed class ConcentratorWithoutAreaOrPathwayRule : IL2Rule
{
    private static readonly SchoolYear ServicesFrom = new(2026);

    public string Code => "WI-L2-17.1";
    public Severity Severity => Severity.Error;

    public string Source => "DPI CTE page, use case 17.1: 'Student is always a concentrator in a specific pathway. LEA make sure to identify the career pathway of the student. " +
                            "More than one Program Area can be reported'. Harness reading: the concentrator record is the studentCTEProgramAssociation of program type CTE.";

    public IEnumerable<ValidationResult> Run(L2Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var record in context.Data.Records(ProgramReferences.StudentCteProgramAssociations))
        {
            using var document = record.Read();
            var body = document.RootElement;
            var type = ProgramReferences.Code(Roster.Text(Roster.Child(body, "programReference"), "programTypeDescriptor"));
            if (!string.Equals(type, "CTE", StringComparison.OrdinalIgnoreCase))
                continue;
            var student = Roster.Student(body);
            var areas = Roster.Child(ProgramReferences.Extension(body), "cteConcentrationCteProgramAreas");
            var pathway = context.Year >= ServicesFrom
                ? Any(body, "cteProgramServices", "cteProgramServiceDescriptor")
                : Any(body, "ctePrograms", "careerPathwayDescriptor");
            var missing = new List<string>();
            if (areas.ValueKind != JsonValueKind.Array || areas.GetArrayLength() == 0)
                missing.Add("a program area (cteConcentrationCteProgramAreas)");
            if (!pathway)
                missing.Add(context.Year >= ServicesFrom ? "a pathway (cteProgramServices[].cteProgramServiceDescriptor)" : "a pathway (ctePrograms[].careerPathwayDescriptor)");
            if (missing.Count > 0)
                yield return context.Result(this, $"CTE concentrator {student} is reported without {string.Join(" and without ", missing)}.",
                    ProgramReferences.StudentCteProgramAssociations, record, student);
        }
    }

    private static bool Any(JsonElement body, string collection, string descriptor)
    {
        foreach (var item in Roster.Items(body, collection))
        {
            if (Roster.Text(item, descriptor) is not null)
                return true;
        }
        return false;
    }
}
