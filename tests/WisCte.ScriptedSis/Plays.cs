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
    public const long School = 7525;
    public const long ChoiceSchool = 9501;
    private static int _students = 800_000;

    private SchoolYear Year => new(schoolYear);
    private DateOnly Begin => new(schoolYear - 1, 8, 26);
    private DateOnly End => new(schoolYear, 6, 5);

    public static string NewStudent() => "CT" + Interlocked.Increment(ref _students).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public SectionRef Section(string code) => new(code, School, schoolYear, $"{code}-01-{schoolYear}", $"{schoolYear - 1}-{schoolYear} School Calendar");

    public async Task<string> StudentAsync(string grade = "Eleventh grade", long school = School, bool withoutBirthDate = false)
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
        if (grade is "Eleventh grade" or "Twelfth grade")
            (await sis.PostAsync("studentEducationOrganizationAssociations", UseCasePayloads.Characteristic(id, 48856, "uri://dpi.wi.gov/StudentCharacteristicDescriptor#Single Parent"))).Status.Succeeded();
        return id;
    }

    public Task<(int Status, string Body, string? Id)> SectionAsync(string student, string code, params ProgramRef[] programs) =>
        sis.PostAsync("studentSectionAssociations", UseCasePayloads.SectionEnrollment(student, Section(code), Begin, null, Year, programs));

    public Task<(int Status, string Body, string? Id)> SectionInExtensionAsync(string student, string code, params ProgramRef[] programs) =>
        sis.PostAsync("studentSectionAssociations", UseCasePayloads.SectionEnrollment(student, Section(code), Begin, null, Year, programs, programsInExtension: true));

    public Task<(int Status, string Body, string? Id)> CteAssociationAsync(
        string student, ProgramRef program, string? status = "B", long school = School, bool oldShape = false)
    {
        var pathway = schoolYear >= 2026 ? "uri://dpi.wi.gov/CteProgramServiceDescriptor#8" : "uri://dpi.wi.gov/CareerPathwayDescriptor#8";
        if (oldShape)
            pathway = "uri://dpi.wi.gov/CareerPathwayDescriptor#8";
        return sis.PostAsync("studentCTEProgramAssociations", UseCasePayloads.CteAssociation(
            student, program, school, Begin, End, Year,
            status is null ? null : $"uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#{status}",
            ["uri://dpi.wi.gov/CteProgramAreaDescriptor#H"], oldShape ? null : pathway, "51.3902", oldShape));
    }

    public async Task<(int Status, string Body, string? Id)> CteAssociationOldShapeAsync(string student, ProgramRef program)
    {
        var body = UseCasePayloads.CteAssociation(student, program, School, Begin, End, Year, "uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#B",
            ["uri://dpi.wi.gov/CteProgramAreaDescriptor#H"], pathway: null, cipCode: "51.3902", oldShape: true);
        return await sis.PostAsync("studentCTEProgramAssociations", body);
    }

    public Task<(int Status, string Body, string? Id)> AbsenceAsync(string student, string date) =>
        sis.PostAsync("studentSchoolAttendanceEvents", UseCasePayloads.AttendanceEvent(
            student, School, schoolYear, $"{schoolYear - 1}-{schoolYear} School Calendar", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            "uri://ed-fi.org/AttendanceEventCategoryDescriptor#Excused Absence"));

    public Task<(int Status, string Body, string? Id)> GradeAsync(string student, string code) =>
        sis.PostAsync("grades", UseCasePayloads.Grade(student, Section(code), Begin, "B"));

    public static ProgramRef Irc => new("IRC", "IRC State Approved Business & Industry");
    public static ProgramRef Wbl => new("WBL", "Internship/Local Co-op");
    public static ProgramRef Dual => new("Dual", "College Course with WI Technical College");

    public ScriptedSisClient Sis => sis;

    // ---- whole use cases, done right ----

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

    public static void Deleted(this int status)
    {
        if (status != 204)
            throw new InvalidOperationException($"Expected 204, got {status}.");
    }
}
