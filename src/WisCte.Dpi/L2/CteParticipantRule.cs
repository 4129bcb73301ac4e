using System.Globalization;
using System.Text.Json;
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
        // Each section enrolment is read once; the first it passes makes the student a participant, in the order the
        // student's enrolments were stored.
        var participants = new Dictionary<string, (L2Record Record, string? Title)>(StringComparer.Ordinal);
        var firstSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in context.Data.Records(ProgramReferences.StudentSectionAssociations))
        {
            using var document = record.Read();
            var body = document.RootElement;
            var student = Roster.Student(body);
            if (student is null)
                continue;
            firstSeen.TryAdd(student, firstSeen.Count);
            if (participants.ContainsKey(student) || roster.GradeOf(student) is not (>= 9 and <= 12))
                continue;
            var (isCte, title) = roster.CourseOf(body);
            var attempt = ProgramReferences.Code(Roster.Text(body, "attemptStatusDescriptor"));
            if (!isCte || (attempt is not null && !attempt.Equals("S", StringComparison.OrdinalIgnoreCase)) || !roster.GradesOf(body).Any(Passed))
                continue;
            participants[student] = (record, title);
        }
        // One result per participant, in the order each student was first enrolled in a section.
        foreach (var student in participants.Keys.OrderBy(s => firstSeen[s]))
        {
            var (record, title) = participants[student];
            yield return context.Result(this, $"Student {student} is a CTE participant in LEA {context.LocalEducationAgencyId}: passed CTE course '{title}'.",
                ProgramReferences.StudentSectionAssociations, record, student);
        }
    }

    private static bool Passed(L2Record grade)
    {
        using var document = grade.Read();
        var body = document.RootElement;
        var letter = Roster.Text(body, "letterGradeEarned");
        if (letter is not null)
            return !FailingLetters.Contains(letter.Trim(), StringComparer.OrdinalIgnoreCase);
        return Roster.Child(body, "numericGradeEarned") is { ValueKind: JsonValueKind.Number } v
               && decimal.TryParse(v.GetRawText(), NumberStyles.Number, CultureInfo.InvariantCulture, out var numeric) && numeric >= 60;
    }
}
