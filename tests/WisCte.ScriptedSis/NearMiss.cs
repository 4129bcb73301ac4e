using WisCte.Dpi.Baseline;
using WisCte.EdFi.Model;
using WisCte.ReferenceSis.Payloads;

namespace WisCte.ScriptedSis;

/// <summary>
/// A SIS that comes close to a rule without breaking it: how it plays, and the rule that must not catch it. Where the
/// play makes another mistake on purpose (to show a finding is named for its real cause), <see cref="Correct"/> is false.
/// </summary>
public sealed record NearMiss(string Name, string UseCase, string Rule, Func<Plays, Task> Play) : ScriptedCase(Name, UseCase, Rule, Play)
{
    /// <summary>Whether the whole play conforms (its use case passes), or only this rule's side of it.</summary>
    public bool Correct { get; init; } = true;
}

/// <summary>The near misses, one or more per rule: each rule is shown not firing where a careless rule would.</summary>
public static class NearMisses
{
    public static IReadOnlyList<NearMiss> All { get; } =
    [
        // Findings named for their real cause: a wrong reference is not an ordering mistake, and the other way round.
        new("names a section of another school year", "1.0", "CERT-PARENT-FIRST", Mistakes.Named("names a section of another school year").Play) { Correct = false },
        new("posts a child before its parent", "1.0", "CERT-REFERENCE", Mistakes.Named("posts a child before its parent").Play) { Correct = false },
        new("deletes a grade before its section association", "del-15.2", "CERT-DELETE-CHILDREN-FIRST", p => p.UseCaseDelete15_2Async()),
        new("deletes a section association again once its grade is gone", "del-15.2", "CERT-NO-RESEND-AFTER-4XX", async p =>
        {
            var s = await p.StudentAsync();
            var section = await p.SectionAsync(s, "ENG9");
            var grade = await p.GradeAsync(s, "ENG9");
            await p.Sis.DeleteAsync("studentSectionAssociations", section.Id!); // refused: the grade still names it
            await p.Sis.DeleteAsync("grades", grade.Id!);
            await p.Sis.DeleteAsync("studentSectionAssociations", section.Id!);
        }) { Correct = false },
        new("corrects an absence date by deleting it and creating the corrected one", "15.2", "CERT-KEY-CHANGE", p => p.UseCase15_2Async()),
        new("deletes and re-creates an absence, as DPI asks", "15.2", "CERT-UPDATE-IN-PLACE", p => p.UseCase15_2Async()),
        new("changes a status in place with a second POST", "5.0", "CERT-UPDATE-IN-PLACE", p => p.StatusChangeAsync(Plays.Irc, "B", "A")),
        new("spells DPI's program type namespace in another case", "1.0", "CERT-DESCRIPTOR", async p =>
        {
            var s = await p.StudentAsync();
            var program = Plays.Irc with { Type = "uri://DPI.WI.GOV/programtypedescriptor#IRC" };
            (await p.SectionAsync(s, "CNA", program)).Status.Succeeded();
            (await p.CteAssociationAsync(s, program)).Status.Succeeded();
        }),
        new("sends every member WISEdata requires", "1.0", "CERT-REFUSED", p => p.UseCase1Async()),
        new("corrects a refused student before sending its enrolment", "1.0", "CERT-NO-CHILD-AFTER-REJECTED-PARENT", async p =>
        {
            var s = await p.StudentAsync(withoutBirthDate: true);
            (await p.Sis.PostAsync("students", UseCasePayloads.Student(s, "cert"))).Status.Succeeded();
            (await p.Sis.PostAsync("studentSchoolAssociations", UseCasePayloads.SchoolEnrollment(s, Plays.School, "uri://ed-fi.org/GradeLevelDescriptor#Eleventh grade", new DateOnly(2025, 8, 26)))).Status.Succeeded();
            (await p.Sis.PostAsync("studentEducationOrganizationAssociations", UseCasePayloads.Characteristic(s, DpiBaseline.Lea, "uri://dpi.wi.gov/StudentCharacteristicDescriptor#Single Parent"))).Status.Succeeded();
            (await p.SectionAsync(s, "CNA", Plays.Irc)).Status.Succeeded();
            (await p.CteAssociationAsync(s, Plays.Irc)).Status.Succeeded();
        }) { Correct = false },
        new("retries a 503 after growing delays", "1.0", "CERT-BACKOFF", p => p.UseCase1Async()) { Faults = ["503:POST:studentSectionAssociations:3"] },
        new("waits as long as Retry-After says", "1.0", "CERT-BACKOFF", p => p.UseCase1Async()) { Faults = ["429:POST:studentCTEProgramAssociations:1:retry-after=1"] },
        new("gives up after four attempts and tells the LEA", "1.0", "CERT-GIVE-UP", async p =>
        {
            var s = await p.StudentAsync();
            (await p.SectionAsync(s, "CNA", Plays.Irc)).Status.Succeeded();
            (await p.CteAssociationAsync(s, Plays.Irc)).Status.Should503();
        }) { Faults = ["503:POST:studentCTEProgramAssociations:6"], Correct = false },
        new("renews its token once it expires, and keeps the new one", "1.0", "CERT-TOKEN-REUSE", UseCase1WithTokenExpiringAsync),
        new("fetches a new token after a 401", "1.0", "CERT-RENEW-AFTER-401", UseCase1WithTokenExpiringAsync),
        new("reports an unexcused absence", "15.1", "CERT-15.1-NEGATIVE-ONLY", async p =>
        {
            var s = await p.StudentAsync("Tenth grade");
            var absence = p.Absence(s, "2025-11-05");
            absence["attendanceEventCategoryDescriptor"] = "uri://ed-fi.org/AttendanceEventCategoryDescriptor#Unexcused Absence";
            (await p.Sis.PostAsync("studentSchoolAttendanceEvents", absence)).Status.Succeeded();
        }),
        new("reports a grade without a status, and the status on the CTE association", "11.0", "CERT-11.0-NO-STATUS-ON-GRADES", async p =>
        {
            await p.StatusChangeAsync(new ProgramRef("IRC", "IRC State Approved WTCS- Embedded Technical Diploma"), "A");
            var s = await p.StudentAsync();
            (await p.SectionAsync(s, "ENG9")).Status.Succeeded();
            (await p.GradeAsync(s, "ENG9")).Status.Succeeded();
        }),
        new("sends section programs in DPI's extension in 2023-24", "14.0", "CERT-SECTION-PROGRAMS-BEFORE-2526",
            p => p.WithProgramsAsync("MKTG1", true, new ProgramRef("Non Certified", "Internship/Local Co-op"))) { SchoolYear = 2024 },
        new("puts a coursework student's status on the primary enrolment's school", "1.0", "CERT-1.0-STATUS-ON-PRIMARY", async p =>
        {
            var s = await p.PrimaryAndCourseworkStudentAsync(Plays.School, Plays.MiddleHighSchool);
            (await p.SectionAsync(s, "CNA", Plays.Irc)).Status.Succeeded();
            (await p.CteAssociationAsync(s, Plays.Irc)).Status.Succeeded();
        }),
        new("puts a status on the coursework school of a home-schooled student (no primary enrolment in the LEA)", "2.0", "CERT-1.0-STATUS-ON-PRIMARY", async p =>
        {
            var s = Plays.NewStudent();
            (await p.Sis.PostAsync("students", UseCasePayloads.Student(s, "cert"))).Status.Succeeded();
            (await p.Sis.PostAsync("studentSchoolAssociations", UseCasePayloads.SchoolEnrollment(s, Plays.School, "uri://ed-fi.org/GradeLevelDescriptor#Tenth grade", new DateOnly(2025, 8, 26),
                "uri://dpi.wi.gov/EnrollmentTypeDescriptor#C", "uri://dpi.wi.gov/ResidencyStatusDescriptor#R-HOME", DpiBaseline.Lea))).Status.Succeeded();
            (await p.CteAssociationAsync(s, Plays.Wbl)).Status.Succeeded();
        }),
        new("raises a status from Continuing to Completed", "5.0", "CERT-STATUS-DOWNGRADE", p => p.StatusChangeAsync(Plays.Irc, "B", "A")),
        new("sends an IRC program name DPI lists", "1.0", "WI-L1-PROGRAM-NAME", p => p.UseCase1Async()),
        new("sends the program service in cteProgramServices in 2025-26", "2.0", "WI-L1-2526-CTE-SERVICES", p => p.UseCase2Async()),
        new("sends section programs in core in 2025-26", "4.0", "WI-L1-2526-SECTION-PROGRAMS", p => p.UseCase4Async()),
        new("sends a public school's status, program area and pathway", "2.0", "WI-L1-PUBLIC-REQUIRED", p => p.UseCase2Async()),
        new("enrols a Choice school student without CTE data", "2.0", "WI-L1-CHOICE-NO-CTE", async p =>
        {
            await p.StudentAsync("Twelfth grade", Plays.ChoiceSchool);
            await p.UseCase2Async();
        }),
        new("sends the Certified program type in 2023-24", "12.0", "WI-L1-DESCRIPTOR-YEAR",
            p => p.StatusChangeAsync(new ProgramRef("Certified", "IRC State Approved Business & Industry"), "A")) { SchoolYear = 2024 },
        new("reports participation with the student's CTE program association", "1.0", "WI-L2-16.1", p => p.UseCase1Async()),
        new("reports a concentrator with program area and pathway", "17.1", "WI-L2-17.1", p => p.StatusChangeAsync(new ProgramRef("CTE", "Career and Technical Education"), "B")),
        new("leaves out a 10th grader's single-parent status", "1.0", "WI-L2-17.2", async p =>
        {
            var s = await p.StudentAsync("Tenth grade");
            (await p.SectionAsync(s, "CNA", Plays.Irc)).Status.Succeeded();
            (await p.CteAssociationAsync(s, Plays.Irc)).Status.Succeeded();
        }),
        new("reports a WBL program in 2025-26", "3.0", "WI-L2-WBL-BEFORE-2025", p => p.WithProgramsAsync("ANSCI", true, new ProgramRef("WBL", "Supervised Agricultural Experience"))),
        new("offers DPI's new roster code", "18.1", "WI-L2-18-DEPRECATED-COURSE", p => p.OfferAsync("FX-PFIN-N")),
        new("updates its one status for an IRC program in place", "11.0", "WI-L2-6794", p => p.StatusChangeAsync(new ProgramRef("IRC", "IRC State Approved WTCS- Embedded Technical Diploma"), "B", "A")),
    ];

    /// <summary>Use case 1.0 with the SIS's token expiring after the student is sent: it gets a 401 and renews.</summary>
    private static async Task UseCase1WithTokenExpiringAsync(Plays p)
    {
        var s = await p.StudentAsync();
        p.Sis.ExpireNow();
        (await p.SectionAsync(s, "CNA", Plays.Irc)).Status.Succeeded();
        (await p.CteAssociationAsync(s, Plays.Irc)).Status.Succeeded();
    }

    public static NearMiss Named(string name) => ScriptedCase.Named(All, name);
}
