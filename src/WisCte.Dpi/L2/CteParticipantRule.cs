using System.Globalization;
using System.Text.Json.Nodes;
using WisCte.Dpi.L1;

namespace WisCte.Dpi.L2;

/// <summary>
/// 17.3: DPI derives CTE participants (the LEA does not report them): grade 9–12, enrolled in at least one CTE course
/// with a sufficient attempt, and passed it. Each participant is a queryable Info result.
/// </summary>
public sealed class CteParticipantRule : IL2Rule
{
    private static readonly string[] FailingLetters = ["F", "U", "I", "NP", "E"];

    public string Code => "WI-L2-17.3";
    public Severity Severity => Severity.Info;

    public string Source => "DPI CTE page, use case 17.3: 'A student is identified as a CTE participant in a district if his/her grade level is 9-12, taking at least one CTE course " +
                            "for which the attempt status is sufficient, and passed the course.' Harness readings: attempt status S, or none sent, is sufficient (DPI warning 7169); " +
                            "passed = a grade whose letterGradeEarned is not F, U, I, NP or E, or whose numericGradeEarned is at least 60.";

    public IEnumerable<ValidationResult> Run(L2Context context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var roster = context.Roster;
        // The groups hold records, not parsed bodies: a body is read again only for a student in grades 9–12.
        var byStudent = context.Data.Records(ProgramReferences.StudentSectionAssociations).GroupBy(r => Roster.Student(r.Body), StringComparer.Ordinal);
        foreach (var group in byStudent)
        {
            var student = group.Key;
            if (student is null || roster.GradeOf(student) is not (>= 9 and <= 12))
                continue;
            foreach (var record in group)
            {
                var body = record.Body;
                var (isCte, title) = roster.CourseOf(body);
                var attempt = ProgramReferences.Code(Roster.Text(body, "attemptStatusDescriptor"));
                if (!isCte || (attempt is not null && !attempt.Equals("S", StringComparison.OrdinalIgnoreCase)) || !roster.GradesOf(body).Any(Passed))
                    continue;
                yield return context.Result(this, $"Student {student} is a CTE participant in LEA {context.LocalEducationAgencyId}: passed CTE course '{title}'.",
                    ProgramReferences.StudentSectionAssociations, record, student);
                break; // one result per participant
            }
        }
    }

    private static bool Passed(JsonObject grade)
    {
        var letter = Roster.Text(grade, "letterGradeEarned");
        if (letter is not null)
            return !FailingLetters.Contains(letter.Trim(), StringComparer.OrdinalIgnoreCase);
        return Roster.Child(grade, "numericGradeEarned") is JsonValue v
               && decimal.TryParse(v.ToJsonString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var numeric) && numeric >= 60;
    }
}
