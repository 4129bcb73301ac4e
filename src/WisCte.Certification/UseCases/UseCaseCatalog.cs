using System.Text.Json.Nodes;

using WisCte.Dpi.Baseline;
using WisCte.Dpi.L1;
using WisCte.Dpi.UseCases;
using WisCte.Dpi.L2;

namespace WisCte.Certification.UseCases;

/// <summary>
/// The use cases certification can judge, with the operator's scenario sheet and what must arrive. The sheet's
/// fictional identifiers are the ones the baseline holds (<see cref="DpiBaseline"/>: the LEA, Fictional High School, its sections). Ids and titles are DPI's (<see cref="DpiUseCaseCatalog"/>).
/// </summary>
public static class UseCaseCatalog
{
    private static readonly string[] CareerEducation = ["Certified", "Non Certified", "IRC", "WBL"];

    private static readonly string[] Enrolment = ["students", "studentSchoolAssociations", "studentEducationOrganizationAssociations"];
    private static readonly string[] Sections = [.. Enrolment, "studentSectionAssociations", "grades"];
    private static readonly string[] Cte = [.. Sections, "studentCTEProgramAssociations"];
    private static readonly string[] Attendance = [.. Enrolment, "studentSchoolAttendanceEvents"];
    private static readonly string[] Courses = [.. Sections, "courseOfferings", "sections", "courses"];

    private static readonly string Student11 = $"Enter a fictional student (e.g. 900000101), grade 11, enrolled at Fictional High School ({DpiBaseline.HighSchool}), with the student's single-parent status.";
    private static readonly string Student12 = $"Enter a fictional student, grade 12, enrolled at Fictional High School ({DpiBaseline.HighSchool}), with the student's single-parent status.";
    private static readonly string Student10 = $"Enter a fictional student, grade 10, enrolled at Fictional High School ({DpiBaseline.HighSchool}).";

    public static IReadOnlyList<CertificationUseCase> All { get; } =
    [
        UseCase("1.0", Cte,
            [Student11, "Schedule the student into the Certified Nursing Assistant section and mark participation in the IRC program 'IRC State Approved Business & Industry' (Certified through 2023-24).",
             "Record the student's certificated program status for that program (e.g. Continuing)."],
            [Holds("1.0", "CERT-1.0-PARTICIPATION", "studentSectionAssociations", "participation in a Certified/IRC program on a section", HasProgramOfType("IRC", "Certified")),
             Holds("1.0", "CERT-1.0-STATUS", "studentCTEProgramAssociations", "a certificated program status for a Certified/IRC program", AssociationOfType("IRC", "Certified"))]),
        UseCase("2.0", Cte,
            [Student12, "In no course of the program, record the student's participation in a WBL program (e.g. 'Internship/Local Co-op') with its certificated program status."],
            [Holds("2.0", "CERT-2.0-ASSOCIATION", "studentCTEProgramAssociations", "a studentCTEProgramAssociation for a WBL program", AssociationOfType("WBL", "Non Certified"))]),
        UseCase("3.0", Cte,
            [Student11, "Schedule the student into the Animal Science section, participating in the WBL program 'Supervised Agricultural Experience' (Non Certified through 2023-24), and record its status."],
            [Holds("3.0", "CERT-3.0-PARTICIPATION", "studentSectionAssociations", "participation in a WBL/Non Certified program on a section", HasProgramOfType("WBL", "Non Certified"))]),
        UseCase("4.0", Cte,
            [Student12, "Schedule the student into the Accounting I section and mark participation in the Dual program 'College Course with WI Technical College'."],
            [Holds("4.0", "CERT-4.0-DUAL", "studentSectionAssociations", "participation in a Dual program on a section", HasProgramOfType("Dual"))]),
        UseCase("5.0", Cte,
            [Student12, "Record 'Continuing' for the IRC program 'IRC State Approved Business & Industry', then change it to 'Completed with Certificate' when one certificate is completed."],
            [Holds("5.0", "CERT-5.0-COMPLETED", "studentCTEProgramAssociations", "the status 'Completed with Certificate' (A) for an IRC program", a => AssociationOfType("IRC", "Certified")(a) && StatusIs(a, "A"))]),
        UseCase("6.0", Cte,
            [Student11, "Schedule the student into the Welding I section with participation in 'IRC State Approved WTCS- Technical Diploma'; end that enrolment; schedule the student into the same section again with a new begin date and the same participation."],
            [new("CERT-6.0-TWO-ENROLMENTS", "two enrolments in one section, with different begin dates, each with the program", TwoEnrolmentsWithPrograms("6.0"))]),
        UseCase("7.0", Cte,
            [Student11, "Schedule the student into the Accounting I section, participating in the IRC program 'IRC State Approved Business & Industry'.", "Record the certificated program status of that program on the student."],
            [Holds("7.0", "CERT-7.0-PARTICIPATION", "studentSectionAssociations", "participation in a career education program on a section", HasProgramOfType(CareerEducation))]),
        UseCase("8.0", Cte,
            [Student12, "Record the student's WBL program 'Internship/Local Co-op' with its status, program area and pathway, without any section."],
            [Holds("8.0", "CERT-8.0-ASSOCIATION", "studentCTEProgramAssociations", "a studentCTEProgramAssociation for a WBL program", AssociationOfType("WBL", "Non Certified"))]),
        UseCase("9.0", Cte,
            [Student12, "Record 'Completed with Certificate' for the student's 'Youth Apprenticeship' (WBL from 2024-25, Certified before)."],
            [Holds("9.0", "CERT-9.0-YOUTH-APPRENTICESHIP", "studentCTEProgramAssociations", "the status of a Youth Apprenticeship", a => ProgramNamed(a, "Youth Apprenticeship"))]),
        UseCase("10.0", Cte,
            [Student12, "Schedule the student into the Principles of Marketing section, participating in both an IRC program and a WBL program."],
            [Holds("10.0", "CERT-10.0-BOTH", "studentSectionAssociations", "one section enrolment with both a certified and a non-certified program",
                b => HasProgramOfType("IRC", "Certified")(b) && HasProgramOfType("WBL", "Non Certified")(b))]),
        UseCase("11.0", Cte,
            [Student12, "Record the best status, 'Completed with Certificate', for the IRC program 'IRC State Approved WTCS- Embedded Technical Diploma'."],
            [Holds("11.0", "CERT-11.0-COMPLETED", "studentCTEProgramAssociations", "the status 'Completed with Certificate' (A) for an IRC program", a => AssociationOfType("IRC")(a) && StatusIs(a, "A"))]),
        UseCase("12.0", Cte,
            [Student12 + " Use the 2023-24 school year (/2024/ routes).", "Record 'Completed with Certificate' for the Certified program 'IRC State Approved Business & Industry'."],
            [Holds("12.0", "CERT-12.0-COMPLETED", "studentCTEProgramAssociations", "the status 'Completed with Certificate' (A) for a Certified program", a => AssociationOfType("Certified")(a) && StatusIs(a, "A"))]),
        UseCase("13.0", Cte,
            [Student11 + " Use the 2023-24 school year (/2024/ routes).", "Enrol the student twice in the Accounting I section (leaving and coming back), each time with the Dual program 'High School Course with WI Private College'."],
            [new("CERT-13.0-TWO-ENROLMENTS", "two enrolments in one section, with different begin dates, each with the program", TwoEnrolmentsWithPrograms("13.0"))]),
        UseCase("14.0", Cte,
            [Student12 + " Use the 2023-24 school year (/2024/ routes).", "For a qualifying internship, mark participation in the Non Certified program 'Internship/Local Co-op' on the Principles of Marketing section."],
            [Holds("14.0", "CERT-14.0-NON-CERTIFIED", "studentSectionAssociations", "participation in a Non Certified program on a section", HasProgramOfType("Non Certified"))]),
        UseCase("15.1", Attendance,
            [Student10, "Record an excused absence for one school day (negative attendance only)."],
            [Holds("15.1", "CERT-15.1-ABSENCE", "studentSchoolAttendanceEvents", "a studentSchoolAttendanceEvent", _ => true)]),
        UseCase("15.2", Attendance,
            [Student10, "Record an absence, then correct its date in the SIS: WISEdata expects the inaccurate record deleted and a new one created."],
            [new("CERT-15.2-DELETE-AND-CREATE", "the inaccurate absence deleted, then the corrected one created", DeletedThenCreated("studentSchoolAttendanceEvents"))]),
        UseCase("15.3", Attendance,
            [Student10, $"Enrol the student at Fictional Middle-High School ({DpiBaseline.MiddleHighSchool}) as well, with the count-date receiving service (Present, Absent or Not Receiving Services) of the Third Friday of September."],
            [Holds("15.3", "CERT-15.3-RECEIVING-SERVICE", "studentSchoolAssociations", "an enrolment with a count-date receiving service", b => Wi(b)?["receivingServices"] is JsonArray { Count: > 0 })]),
        UseCase("15.4", Attendance,
            ["Enter a fictional student outside the age requirement, enrolled at Fictional High School with the enrollment type Membership and residency R-OUTSIDEAGE or NR-OUTSIDEAGE.", "Record an absence."],
            [Holds("15.4", "CERT-15.4-MEMBERSHIP", "studentSchoolAssociations", "an enrolment of type Membership with an OUTSIDEAGE residency", b => CodeOf(b, "enrollmentTypeDescriptor") == "M" && Residency(b)?.EndsWith("OUTSIDEAGE", StringComparison.OrdinalIgnoreCase) == true),
             Holds("15.4", "CERT-15.4-ABSENCE", "studentSchoolAttendanceEvents", "a studentSchoolAttendanceEvent", _ => true)]),
        UseCase("15.5", Attendance,
            ["Enter a fictional home-schooled or private-school student taking classes at Fictional High School: enrollment type Coursework, residency R-HOME or R-PRIVATE.", "Record an absence."],
            [Holds("15.5", "CERT-15.5-COURSEWORK", "studentSchoolAssociations", "an enrolment of type Coursework with residency R-HOME or R-PRIVATE", b => CodeOf(b, "enrollmentTypeDescriptor") == "C" && Residency(b) is "R-HOME" or "R-PRIVATE"),
             Holds("15.5", "CERT-15.5-ABSENCE", "studentSchoolAttendanceEvents", "a studentSchoolAttendanceEvent", _ => true)]),
        UseCase("15.6", Attendance,
            ["Enter a fictional non-resident home-schooled student taking classes at Fictional High School: enrollment type Coursework, residency NR-HOME.", "Record an absence."],
            [Holds("15.6", "CERT-15.6-COURSEWORK", "studentSchoolAssociations", "an enrolment of type Coursework with residency NR-HOME", b => CodeOf(b, "enrollmentTypeDescriptor") == "C" && Residency(b) == "NR-HOME"),
             Holds("15.6", "CERT-15.6-ABSENCE", "studentSchoolAttendanceEvents", "a studentSchoolAttendanceEvent", _ => true)]),
        UseCase("del-15.1", Cte,
            [Student11, "Record a CTE program status for the student by mistake, then remove it in the SIS."],
            [AcceptedDelete("del-15.1", "CERT-DEL-15.1-DELETE", "studentCTEProgramAssociations")]),
        UseCase("del-15.2", Sections,
            [Student11, "Record a grade for the student's English 9 section, then remove the student from the section in the SIS."],
            [AcceptedDelete("del-15.2", "CERT-DEL-15.2-GRADE", "grades"), AcceptedDelete("del-15.2", "CERT-DEL-15.2-SECTION", "studentSectionAssociations")]),
        UseCase("16.1", Cte,
            [Student11, "Schedule the student into the Certified Nursing Assistant section with participation in an IRC program, and record the student's status in that program."],
            [Holds("16.1", "CERT-16.1-PARTICIPATION", "studentSectionAssociations", "participation in a career education program on a section", HasProgramOfType(CareerEducation))]),
        UseCase("17.1", Cte,
            [Student12, "Record the student as a CTE concentrator: the CTE program 'Career and Technical Education' with program area(s) and pathway."],
            [Holds("17.1", "CERT-17.1-CONCENTRATOR", "studentCTEProgramAssociations", "a concentrator record (program type CTE) with a program area",
                a => AssociationOfType("CTE")(a) && Wi(a)?["cteConcentrationCteProgramAreas"] is JsonArray { Count: > 0 })]),
        UseCase("17.2", Cte,
            [Student11, "Record the student as a CTE concentrator, and the student's single-parent status (student characteristics)."],
            [Holds("17.2", "CERT-17.2-CHARACTERISTICS", "studentEducationOrganizationAssociations", "the student's characteristics", _ => true)]),
        UseCase("17.3", Courses,
            [Student10, "Schedule the student into Foods and Nutrition I and record a passing final grade."],
            [Holds("17.3", "CERT-17.3-CTE-GRADE", "grades", "a grade for an enrolment in a CTE course", GradeInCteCourse)]),
        UseCase("18.1", Courses,
            ["Offer Personal Finance at Fictional High School under DPI's new non-CTE roster code FX-PFIN-N (not the code marked DO NOT USE)."],
            [Holds("18.1", "CERT-18.1-NEW-ROSTER-CODE", "courseOfferings", "a course offering of a roster code DPI has not marked DO NOT USE", b => !Baseline.DeprecatedCourses.Contains(CourseOf(b) ?? ""))]),
        UseCase("18.2", Courses,
            [Student10, "Schedule the student into Accounting I (a CTE course) and record a passing final grade."],
            [Holds("18.2", "CERT-18.2-CTE-GRADE", "grades", "a grade for an enrolment in a course DPI flags CTE", GradeInCteCourse)]),
        UseCase("18.3", Courses,
            ["Refresh the SIS's course list from WISEdata's /courses (new roster codes included)."],
            [new("CERT-18.3-COURSES-READ", "a read of DPI's courses", c => c.Exchanges.Any(e => e.Method == "GET" && JudgementContext.Is(e.Resource, "courses") && e.Status == 200)
                ? [] : [("Use case 18.3: the SIS never read /courses.", [])])]),
    ];

    /// <summary>A use case as DPI numbers and titles it, with what certification asks of it.</summary>
    private static CertificationUseCase UseCase(string id, IReadOnlyList<string> resources, IReadOnlyList<string> sheet, IReadOnlyList<Expectation> expectations) =>
        new(id, DpiUseCaseCatalog.Dpi.Get(id).Title, resources, sheet, expectations);

    public static CertificationUseCase? Find(string id) =>
        All.FirstOrDefault(u => string.Equals(u.Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals("uc-" + u.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// What the SIS left: after its last write, WISEdata holds a record matching. When a write once carried it and later
    /// writes replaced or removed it, the finding says so (a downgrade, an overwrite, a delete).
    /// </summary>
    private static Expectation Holds(string useCase, string rule, string resource, string what, Func<JsonObject, bool> matches) =>
        new(rule, $"WISEdata holds {what} after the SIS's last write", context =>
        {
            if (context.Holds(resource).Any(r => matches(r.Body)))
                return [];
            var sent = context.AcceptedWrites(resource).FirstOrDefault(e => matches(e.Request!));
            return sent is null
                ? [($"Use case {useCase}: WISEdata never accepted {what} ({resource}).", [])]
                : [($"Use case {useCase}: WISEdata accepted {what} ({resource}, journal {sent.Sequence}), but the SIS's later writes replaced or removed it: DPI reads what is stored.", [sent.Sequence])];
        });

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

    private static Func<JsonObject, bool> AssociationOfType(params string[] types) => body =>
        types.Contains(ProgramReferences.Code(ProgramReferences.Text(ProgramReferences.Child(body, "programReference") as JsonObject, "programTypeDescriptor")), StringComparer.OrdinalIgnoreCase);

    private static bool ProgramNamed(JsonObject body, string name) =>
        string.Equals(ProgramReferences.Text(ProgramReferences.Child(body, "programReference") as JsonObject, "programName"), name, StringComparison.OrdinalIgnoreCase);

    private static bool StatusIs(JsonObject body, string code) =>
        string.Equals(ProgramReferences.Code(ProgramReferences.Text(Wi(body), "certificatedProgramStatusDescriptor")), code, StringComparison.OrdinalIgnoreCase);

    private static JsonObject? Wi(JsonObject body) => ProgramReferences.Extension(body);

    private static string? CodeOf(JsonObject body, string property) => ProgramReferences.Code(ProgramReferences.Text(body, property));

    private static string? Residency(JsonObject body) =>
        Wi(body)?["residencyPeriods"] is JsonArray { Count: > 0 } periods ? ProgramReferences.Code(ProgramReferences.Text(periods[0] as JsonObject, "residencyStatusDescriptor")) : null;

    private static bool GradeInCteCourse(JsonObject grade) =>
        Baseline.CteLocalCourseCodes.Contains(ProgramReferences.Text(ProgramReferences.Child(grade, "studentSectionAssociationReference") as JsonObject, "localCourseCode") ?? "");

    private static string? CourseOf(JsonObject offering) => ProgramReferences.Text(ProgramReferences.Child(offering, "courseReference") as JsonObject, "courseCode");

    /// <summary>Two enrolments of one student in one section, with different begin dates, each naming a program, left stored.</summary>
    private static Func<JudgementContext, IEnumerable<(string, long[])>> TwoEnrolmentsWithPrograms(string useCase) => context =>
    {
        static bool Twice(IEnumerable<JsonObject> enrolments) => enrolments
            .Where(b => ProgramReferences.In(ProgramReferences.StudentSectionAssociations, b).Any())
            .GroupBy(b => (Roster.Student(b), Roster.Text(Roster.Child(b, "sectionReference"), "sectionIdentifier")))
            .Any(g => g.Select(b => Roster.Text(b, "beginDate")).Distinct(StringComparer.Ordinal).Count() >= 2);
        if (Twice(context.Holds("studentSectionAssociations").Select(r => r.Body)))
            return [];
        return Twice(context.AcceptedWrites("studentSectionAssociations").Select(e => e.Request!))
            ? [($"Use case {useCase}: the SIS sent two enrolments in one section with the program on both, but its later writes removed one or its program: DPI reads what is stored.", [])]
            : [($"Use case {useCase}: no student was enrolled twice in one section (different begin dates) with the program on both enrolments.", [])];
    };
}
