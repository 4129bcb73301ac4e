using System.Text.Json.Nodes;
using WisCte.Dpi.Rules;

namespace WisCte.Certification.UseCases;

/// <summary>
/// The use cases certification can judge, with the operator's scenario sheet and what must arrive. The sheet's
/// fictional identifiers are the ones the baseline holds (LEA 48856, Fictional High School 7525, its sections).
/// </summary>
public static class UseCaseCatalog
{
    private static readonly string[] CareerEducation = ["Certified", "Non Certified", "IRC", "WBL"];

    public static IReadOnlyList<CertificationUseCase> All { get; } =
    [
        new("1.0", "Reporting certified career education programs at a course level",
            ["students", "studentSchoolAssociations", "studentSectionAssociations", "studentCTEProgramAssociations"],
            [
                "Enter a fictional student (e.g. 900000101), grade 11, enrolled at Fictional High School (7525).",
                "Schedule the student into the Certified Nursing Assistant section (CNA-01-<year>).",
                "Mark the student as participating in the IRC program 'IRC State Approved Business & Industry' on that section (Certified through 2023-24).",
                "Record the student's certificated program status for that program (e.g. Continuing).",
            ],
            [AcceptedPost("1.0", "CERT-1.0-PARTICIPATION", "studentSectionAssociations", "participation in a Certified/IRC program on a section", HasProgramOfType("IRC", "Certified"))]),
        new("2.0", "Reporting work-based learning career education programs at a non-course level",
            ["students", "studentSchoolAssociations", "studentCTEProgramAssociations"],
            [
                "Enter a fictional student, grade 12, enrolled at Fictional High School (7525), in no course of the program.",
                "Record the student's participation in a WBL program (e.g. 'Internship/Local Co-op') with its certificated program status.",
            ],
            [AcceptedPost("2.0", "CERT-2.0-ASSOCIATION", "studentCTEProgramAssociations", "a studentCTEProgramAssociation for a WBL program", ProgramOfAssociationIs("WBL", "Non Certified"))]),
        new("4.0", "Reporting dual enrollment programs",
            ["students", "studentSchoolAssociations", "studentSectionAssociations", "studentCTEProgramAssociations"],
            [
                "Enter a fictional student, grade 12, enrolled at Fictional High School (7525).",
                "Schedule the student into the Accounting I section and mark participation in the Dual program 'College Course with WI Technical College'.",
            ],
            [AcceptedPost("4.0", "CERT-4.0-DUAL", "studentSectionAssociations", "participation in a Dual program on a section", HasProgramOfType("Dual"))]),
        new("7.0", "Course-level participation in a career education program",
            ["students", "studentSchoolAssociations", "studentSectionAssociations", "studentCTEProgramAssociations"],
            [
                "Enter a fictional student, grade 11, enrolled at Fictional High School (7525).",
                "Schedule the student into the Accounting I section, participating in the IRC program 'IRC State Approved Business & Industry'.",
                "Record the certificated program status of that program on the student.",
            ],
            [AcceptedPost("7.0", "CERT-7.0-PARTICIPATION", "studentSectionAssociations", "participation in a career education program on a section", HasProgramOfType(CareerEducation))]),
        new("15.1", "Sending a student absent for a partial or full school day",
            ["students", "studentSchoolAssociations", "studentSchoolAttendanceEvents"],
            [
                "Enter a fictional student enrolled at Fictional High School (7525).",
                "Record an excused absence for one school day (negative attendance only).",
            ],
            [AcceptedPost("15.1", "CERT-15.1-ABSENCE", "studentSchoolAttendanceEvents", "a studentSchoolAttendanceEvent", _ => true)]),
        new("15.2", "Modifying student absence dates for a previously submitted record",
            ["students", "studentSchoolAssociations", "studentSchoolAttendanceEvents"],
            [
                "Record an absence for a fictional student at Fictional High School (7525).",
                "Then correct its date in the SIS: WISEdata expects the inaccurate record deleted and a new one created.",
            ],
            [new("CERT-15.2-DELETE-AND-CREATE", "the inaccurate absence deleted, then the corrected one created", DeletedThenCreated("studentSchoolAttendanceEvents"))]),
        new("del-15.1", "Delete /studentCTEProgramAssociation",
            ["studentCTEProgramAssociations"],
            ["Record a CTE program status for a fictional student by mistake, then remove it in the SIS."],
            [AcceptedDelete("del-15.1", "CERT-DEL-15.1-DELETE", "studentCTEProgramAssociations")]),
        new("del-15.2", "Delete /studentSectionAssociation after its grades",
            ["studentSectionAssociations", "grades"],
            ["Record a grade for a fictional student's section, then remove the student from the section in the SIS."],
            [AcceptedDelete("del-15.2", "CERT-DEL-15.2-GRADE", "grades"), AcceptedDelete("del-15.2", "CERT-DEL-15.2-SECTION", "studentSectionAssociations")]),
    ];

    public static CertificationUseCase? Find(string id) =>
        All.FirstOrDefault(u => string.Equals(u.Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals("uc-" + u.Id, id, StringComparison.OrdinalIgnoreCase));

    private static Expectation AcceptedPost(string useCase, string rule, string resource, string what, Func<JsonObject, bool> matches) =>
        new(rule, $"WISEdata accepted {what}", context =>
            context.AcceptedPosts(resource).Any(e => matches(e.Request!))
                ? []
                : [($"Use case {useCase}: WISEdata never accepted {what} ({resource}).", [])]);

    private static Expectation AcceptedDelete(string useCase, string rule, string resource) =>
        new(rule, $"WISEdata accepted a DELETE of {resource}", context =>
            context.AcceptedDeletes(resource).Any() ? [] : [($"Use case {useCase}: no {resource} record was deleted.", [])]);

    private static Func<JudgementContext, IEnumerable<(string, long[])>> DeletedThenCreated(string resource) => context =>
    {
        var deletion = context.AcceptedDeletes(resource).FirstOrDefault();
        if (deletion is null)
            return [($"Use case 15.2: no {resource} record was deleted: correct a date by deleting the inaccurate record.", [])];
        return context.AcceptedPosts(resource).Any(p => p.Sequence > deletion.Sequence)
            ? []
            : [($"Use case 15.2: the absence was deleted (journal {deletion.Sequence}) but no corrected one was created after it.", new[] { deletion.Sequence })];
    };

    private static Func<JsonObject, bool> HasProgramOfType(params string[] types) => body =>
        ProgramReferences.In(ProgramReferences.StudentSectionAssociations, body)
            .Any(p => types.Contains(ProgramReferences.Code(ProgramReferences.Text(p.Reference, "programTypeDescriptor")), StringComparer.OrdinalIgnoreCase));

    private static Func<JsonObject, bool> ProgramOfAssociationIs(params string[] types) => body =>
        types.Contains(ProgramReferences.Code(ProgramReferences.Text(body["programReference"] as JsonObject, "programTypeDescriptor")), StringComparer.OrdinalIgnoreCase);
}
