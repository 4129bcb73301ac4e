using WisCte.Dpi.Baseline;
using WisCte.Dpi.UseCases;
using WisCte.EdFi.Model;
using System.Text.Json.Nodes;

using WisCte.Dpi;
using WisCte.ReferenceSis.Payloads;

namespace WisCte.ScriptedSis;

/// <summary>
/// DPI's use cases as a SIS plays them, step by step, on a <see cref="ScriptedSisClient"/>. Each play can be told to make
/// one data mistake; wire mistakes come from the SIS's <see cref="SisBehaviour"/>.
/// </summary>
public sealed class Plays(ScriptedSisClient sis, int schoolYear = 2026)
{
    public const long School = DpiBaseline.HighSchool;
    public const long ChoiceSchool = DpiBaseline.ChoiceSchool;
    private static int _students = 800_000;

    private SchoolYear Year => new(schoolYear);
    private DateOnly Begin => new(schoolYear - 1, 8, 26);
    private DateOnly End => new(schoolYear, 6, 5);

    public static string NewStudent() => "CT" + Interlocked.Increment(ref _students).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public SectionRef Section(string code) => new(code, School, schoolYear, $"{code}-01-{schoolYear}", UseCasePayloads.SessionName(Year));

    public async Task<string> StudentAsync(string grade = "Eleventh grade", long school = School, bool withoutBirthDate = false, bool withoutCharacteristics = false)
    {
        var id = NewStudent();
        var student = UseCasePayloads.Student(id, "cert");
        if (withoutBirthDate)
            student.Remove("birthDate");
        var posted = await sis.PostAsync("students", student);
        if (withoutBirthDate)
            return id;
        posted.Status.Succeeded();
        (await sis.PostAsync("studentSchoolAssociations", UseCasePayloads.SchoolEnrollment(id, school, $"uri://ed-fi.org/GradeLevelDescriptor#{grade}", Begin))).Status.Succeeded();
        // DPI 17.2: single-parent status is reported for grade 11 and 12 students (the characteristics record).
        if (grade is "Eleventh grade" or "Twelfth grade" && !withoutCharacteristics)
            (await sis.PostAsync("studentEducationOrganizationAssociations", UseCasePayloads.Characteristic(id, DpiBaseline.Lea, "uri://dpi.wi.gov/StudentCharacteristicDescriptor#Single Parent"))).Status.Succeeded();
        return id;
    }

    public Task<(int Status, string Body, string? Id)> SectionAsync(string student, string code, params ProgramRef[] programs) =>
        SectionAsync(student, Section(code), programs);

    public Task<(int Status, string Body, string? Id)> SectionAsync(string student, SectionRef section, params ProgramRef[] programs) =>
        sis.PostAsync("studentSectionAssociations", UseCasePayloads.SectionEnrollment(student, section, Begin, null, Year, programs));

    public Task<(int Status, string Body, string? Id)> SectionInExtensionAsync(string student, string code, params ProgramRef[] programs) =>
        sis.PostAsync("studentSectionAssociations", UseCasePayloads.SectionEnrollment(student, Section(code), Begin, null, Year, programs, programsInExtension: true));

    public Task<(int Status, string Body, string? Id)> CteAssociationAsync(
        string student, ProgramRef program, string? status = "B", long school = School, bool oldShape = false, bool withoutPathway = false, DateOnly? begin = null)
    {
        var pathway = UseCasePayloads.UsesCteProgramServices(Year) ? "uri://dpi.wi.gov/CteProgramServiceDescriptor#8" : "uri://dpi.wi.gov/CareerPathwayDescriptor#8";
        return sis.PostAsync("studentCTEProgramAssociations", UseCasePayloads.CteAssociation(
            student, program, school, begin ?? Begin, End, Year,
            status is null ? null : $"uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#{status}",
            ["uri://dpi.wi.gov/CteProgramAreaDescriptor#H"], oldShape || withoutPathway ? null : pathway, withoutPathway ? null : "51.3902", oldShape));
    }

    /// <summary>A student enrolled at two of the LEA's schools: the primary enrolment at one, a Coursework enrolment at the other.</summary>
    public async Task<string> PrimaryAndCourseworkStudentAsync(long primary, long coursework)
    {
        var id = NewStudent();
        (await sis.PostAsync("students", UseCasePayloads.Student(id, "cert"))).Status.Succeeded();
        (await sis.PostAsync("studentSchoolAssociations", UseCasePayloads.SchoolEnrollment(id, primary, "uri://ed-fi.org/GradeLevelDescriptor#Eleventh grade", Begin,
            "uri://dpi.wi.gov/EnrollmentTypeDescriptor#P", "uri://dpi.wi.gov/ResidencyStatusDescriptor#R", DpiBaseline.Lea))).Status.Succeeded();
        (await sis.PostAsync("studentSchoolAssociations", UseCasePayloads.SchoolEnrollment(id, coursework, "uri://ed-fi.org/GradeLevelDescriptor#Eleventh grade", Begin,
            "uri://dpi.wi.gov/EnrollmentTypeDescriptor#C", "uri://dpi.wi.gov/ResidencyStatusDescriptor#R", DpiBaseline.Lea))).Status.Succeeded();
        (await sis.PostAsync("studentEducationOrganizationAssociations", UseCasePayloads.Characteristic(id, DpiBaseline.Lea, "uri://dpi.wi.gov/StudentCharacteristicDescriptor#Single Parent"))).Status.Succeeded();
        return id;
    }

    public const long MiddleHighSchool = DpiBaseline.MiddleHighSchool;

    public Task<(int Status, string Body, string? Id)> AbsenceAsync(string student, string date) =>
        sis.PostAsync("studentSchoolAttendanceEvents", Absence(student, date));

    /// <summary>An excused absence at the school on a date of the play's school year.</summary>
    public JsonObject Absence(string student, string date) => UseCasePayloads.AttendanceEvent(
        student, School, schoolYear, UseCasePayloads.SessionName(Year), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
        "uri://ed-fi.org/AttendanceEventCategoryDescriptor#Excused Absence");

    public Task<(int Status, string Body, string? Id)> GradeAsync(string student, string code) =>
        sis.PostAsync("grades", UseCasePayloads.Grade(student, Section(code), Begin, "B"));

    public static ProgramRef Irc => new("IRC", "IRC State Approved Business & Industry");
    public static ProgramRef Wbl => new("WBL", "Internship/Local Co-op");
    public static ProgramRef Dual => new("Dual", "College Course with WI Technical College");

    public ScriptedSisClient Sis => sis;

    // ---- whole use cases, done right ----

    /// <summary>Every use case the scripted SIS plays as DPI documents it, by DPI's id.</summary>
    public static IReadOnlyList<string> UseCases { get; } = [.. DpiUseCaseCatalog.Dpi.Ids];

    /// <summary>
    /// A use case played as DPI documents it; one DPI limits to "2023-24 SY and Prior" (12.0-14.0) in its last year
    /// (DPI's catalogue says which), whatever this play's year.
    /// </summary>
    public static Task PlayDocumentedAsync(ScriptedSisClient sisFor2026, Func<int, ScriptedSisClient> sisForYear, string useCase)
    {
        var plays = DpiUseCaseCatalog.Dpi.Get(useCase).LastSchoolYear is { } last ? new Plays(sisForYear(last.EndYear), last.EndYear) : new Plays(sisFor2026);
        return useCase switch
        {
            "1.0" => plays.UseCase1Async(),
            "2.0" or "8.0" => plays.UseCase2Async(),
            "3.0" => plays.WithProgramsAsync("ANSCI", true, new ProgramRef("WBL", "Supervised Agricultural Experience")),
            "4.0" => plays.UseCase4Async(),
            "5.0" => plays.StatusChangeAsync(Irc, "B", "A"),
            "6.0" => plays.ReEntryAsync("WELD1", new ProgramRef("IRC", "IRC State Approved WTCS- Technical Diploma")),
            "7.0" or "16.1" => plays.UseCase7Async(),
            "9.0" => plays.StatusChangeAsync(new ProgramRef("WBL", "Youth Apprenticeship"), "A"),
            "10.0" => plays.WithProgramsAsync("MKTG1", true, new ProgramRef("IRC", "IRC - Not State Approved"), new ProgramRef("WBL", "School-based Enterprise")),
            "11.0" => plays.StatusChangeAsync(new ProgramRef("IRC", "IRC State Approved WTCS- Embedded Technical Diploma"), "A"),
            "12.0" => plays.StatusChangeAsync(new ProgramRef("Certified", "IRC State Approved Business & Industry"), "A"),
            "13.0" => plays.ReEntryAsync("ACCT1", new ProgramRef("Dual", "High School Course with WI Private College")),
            "14.0" => plays.WithProgramsAsync("MKTG1", true, new ProgramRef("Non Certified", "Internship/Local Co-op")),
            "15.1" => plays.UseCase15_1Async(),
            "15.2" => plays.UseCase15_2Async(),
            "15.3" => plays.CountDateAsync(),
            "15.4" => plays.TypedEnrolmentAsync("M", "R-OUTSIDEAGE"),
            "15.5" => plays.TypedEnrolmentAsync("C", "R-HOME"),
            "15.6" => plays.TypedEnrolmentAsync("C", "NR-HOME"),
            "del-15.1" => plays.UseCaseDelete15_1Async(),
            "del-15.2" => plays.UseCaseDelete15_2Async(),
            "17.1" or "17.2" => plays.StatusChangeAsync(new ProgramRef("CTE", "Career and Technical Education"), "B"),
            "17.3" => plays.PassedCourseAsync("FOODS1"),
            "18.1" => plays.OfferAsync("FX-PFIN-N"),
            "18.2" => plays.PassedCourseAsync("ACCT1"),
            "18.3" => plays.ReadCoursesAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(useCase), useCase, "The scripted SIS does not play this use case."),
        };
    }

    public async Task WithProgramsAsync(string course, bool withStatus, params ProgramRef[] programs)
    {
        var student = await StudentAsync();
        (await SectionAsync(student, course, programs)).Status.Succeeded();
        if (withStatus)
        {
            foreach (var program in programs)
                (await CteAssociationAsync(student, program)).Status.Succeeded();
        }
    }

    /// <summary>The status reported, then changed in place (POST upsert of the same association).</summary>
    public async Task StatusChangeAsync(ProgramRef program, params string[] statuses)
    {
        var student = await StudentAsync("Twelfth grade");
        foreach (var status in statuses)
            (await CteAssociationAsync(student, program, status)).Status.Succeeded();
    }

    public async Task ReEntryAsync(string course, ProgramRef program)
    {
        var student = await StudentAsync();
        (await sis.PostAsync("studentSectionAssociations", UseCasePayloads.SectionEnrollment(student, Section(course), Begin, Begin.AddDays(35), Year, [program]))).Status.Succeeded();
        (await sis.PostAsync("studentSectionAssociations", UseCasePayloads.SectionEnrollment(student, Section(course), Begin.AddDays(45), null, Year, [program]))).Status.Succeeded();
        if (program.Type is not "Dual")
            (await CteAssociationAsync(student, program)).Status.Succeeded(); // DPI 16.1: the status goes with the participation
    }

    public async Task CountDateAsync()
    {
        var student = await StudentAsync("Tenth grade");
        (await sis.PostAsync("studentSchoolAssociations", UseCasePayloads.SchoolEnrollment(student, MiddleHighSchool, "uri://ed-fi.org/GradeLevelDescriptor#Tenth grade", Begin.AddDays(7),
            receivingServices: [("uri://dpi.wi.gov/CountDateNameDescriptor#Third Friday of September", "uri://dpi.wi.gov/CountDateReceivingServiceDescriptor#A")]))).Status.Succeeded();
    }

    public async Task TypedEnrolmentAsync(string enrollmentType, string residency)
    {
        var student = NewStudent();
        (await sis.PostAsync("students", UseCasePayloads.Student(student, "cert"))).Status.Succeeded();
        (await sis.PostAsync("studentSchoolAssociations", UseCasePayloads.SchoolEnrollment(student, School, "uri://ed-fi.org/GradeLevelDescriptor#Tenth grade", Begin,
            $"uri://dpi.wi.gov/EnrollmentTypeDescriptor#{enrollmentType}", $"uri://dpi.wi.gov/ResidencyStatusDescriptor#{residency}", DpiBaseline.Lea))).Status.Succeeded();
        (await AbsenceAsync(student, $"{schoolYear - 1}-12-01")).Status.Succeeded();
    }

    public async Task PassedCourseAsync(string course)
    {
        var student = await StudentAsync("Tenth grade");
        (await SectionAsync(student, course)).Status.Succeeded();
        (await GradeAsync(student, course)).Status.Succeeded();
    }

    public async Task OfferAsync(string courseCode)
    {
        var offering = UseCasePayloads.CourseOffering($"{courseCode}-{NewStudent()}", courseCode, DpiBaseline.Lea, School, Year);
        (await sis.PostAsync("courseOfferings", offering)).Status.Succeeded();
    }

    public async Task ReadCoursesAsync() => _ = await sis.GetAsync("courses", "limit=500");

    public async Task UseCase1Async()
    {
        var student = await StudentAsync();
        (await SectionAsync(student, "CNA", Irc)).Status.Succeeded();
        (await CteAssociationAsync(student, Irc)).Status.Succeeded();
    }

    public async Task UseCase2Async()
    {
        var student = await StudentAsync("Twelfth grade");
        (await CteAssociationAsync(student, Wbl)).Status.Succeeded();
    }

    public async Task UseCase4Async()
    {
        var student = await StudentAsync("Twelfth grade");
        (await SectionAsync(student, "ACCT1", Dual)).Status.Succeeded();
    }

    public async Task UseCase7Async()
    {
        var student = await StudentAsync();
        (await SectionAsync(student, "ACCT1", Irc)).Status.Succeeded();
        (await CteAssociationAsync(student, Irc)).Status.Succeeded();
    }

    public async Task UseCase15_1Async()
    {
        var student = await StudentAsync("Tenth grade");
        (await AbsenceAsync(student, $"{schoolYear - 1}-10-14")).Status.Succeeded();
    }

    public async Task UseCase15_2Async()
    {
        var student = await StudentAsync("Tenth grade");
        var wrong = await AbsenceAsync(student, $"{schoolYear - 1}-11-03");
        (await sis.DeleteAsync("studentSchoolAttendanceEvents", wrong.Id!)).Status.Deleted();
        (await AbsenceAsync(student, $"{schoolYear - 1}-11-04")).Status.Succeeded();
    }

    public async Task UseCaseDelete15_1Async()
    {
        var student = await StudentAsync();
        var association = await CteAssociationAsync(student, Irc);
        (await sis.DeleteAsync("studentCTEProgramAssociations", association.Id!)).Status.Deleted();
    }

    public async Task UseCaseDelete15_2Async()
    {
        var student = await StudentAsync();
        var section = await SectionAsync(student, "ENG9");
        var grade = await GradeAsync(student, "ENG9");
        grade.Status.Succeeded();
        (await sis.DeleteAsync("grades", grade.Id!)).Status.Deleted();
        (await sis.DeleteAsync("studentSectionAssociations", section.Id!)).Status.Deleted();
    }

}

/// <summary>A correct play stops at the first answer DPI would not give to a conforming SIS.</summary>
internal static class StatusChecks
{
    public static void Succeeded(this int status)
    {
        if (status is not (200 or 201))
            throw new InvalidOperationException($"Expected 200 or 201, got {status}.");
    }

    /// <summary>The SIS gave up on a request WISEdata kept failing (what it reports to the LEA).</summary>
    public static void Should503(this int status)
    {
        if (status != 503)
            throw new InvalidOperationException($"Expected the request to fail with 503, got {status}.");
    }

    public static void Deleted(this int status)
    {
        if (status != 204)
            throw new InvalidOperationException($"Expected 204, got {status}.");
    }
}
