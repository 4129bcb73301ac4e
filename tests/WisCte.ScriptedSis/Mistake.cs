using WisCte.EdFi.Model;
using WisCte.ReferenceSis.Payloads;

namespace WisCte.ScriptedSis;

/// <summary>A scripted SIS judged under one rule: how it plays (its wire behaviour, school year and the fault drills set), its use case and the rule.</summary>
public abstract record ScriptedCase(string Name, string UseCase, string Rule, Func<Plays, Task> Play)
{
    public SisBehaviour Behaviour { get; init; } = new();
    public int SchoolYear { get; init; } = 2026;
    public IReadOnlyList<string> Faults { get; init; } = [];

    public sealed override string ToString() => Name;

    /// <summary>The case of a list by its name, or an error listing the names there are.</summary>
    public static T Named<T>(IReadOnlyList<T> cases, string name) where T : ScriptedCase =>
        cases.SingleOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No scripted SIS {typeof(T).Name} named '{name}'. Known: {string.Join("; ", cases.Select(c => c.Name))}");
}

/// <summary>One SIS mistake certification claims to catch: how the SIS plays it, and the use case and rule it must be caught under.</summary>
public sealed record Mistake(string Name, string UseCase, string Rule, Func<Plays, Task> Play) : ScriptedCase(Name, UseCase, Rule, Play);

/// <summary>The mistakes, in the words a vendor's engineer would use. Each is one error on top of an otherwise correct SIS.</summary>
public static class Mistakes
{
    public static IReadOnlyList<Mistake> All { get; } =
    [
        new("sends a descriptor in the wrong namespace", "1.0", "CERT-DESCRIPTOR", async p =>
        {
            var s = await p.StudentAsync();
            await p.SectionAsync(s, "CNA", new ProgramRef("uri://ed-fi.org/ProgramTypeDescriptor#IRC", "IRC State Approved Business & Industry"));
        }),
        new("reports participation without the student's CTE program association", "1.0", "WI-L2-16.1", async p =>
        {
            var s = await p.StudentAsync();
            await p.SectionAsync(s, "CNA", Plays.Irc);
        }),
        // The enrolment before its student. (Not a section association before its student: the ODS authorizes a record
        // naming a student on the student's enrolment at the key's schools before it resolves references, so that one
        // is a 403; a new enrolment is authorized on its school alone, so its missing student is the 409.)
        new("posts a child before its parent", "1.0", "CERT-PARENT-FIRST", async p =>
        {
            var student = Plays.NewStudent();
            var enrolment = UseCasePayloads.SchoolEnrollment(student, Plays.School, "uri://ed-fi.org/GradeLevelDescriptor#Eleventh grade", new DateOnly(2025, 8, 26));
            await p.Sis.PostAsync("studentSchoolAssociations", enrolment);
            await p.Sis.PostAsync("students", UseCasePayloads.Student(student, "cert"));
            await p.Sis.PostAsync("studentSchoolAssociations", enrolment);
        }),
        // References to records that never exist: the same 409 as a parent sent late, but a key to correct, not an order.
        new("names a section of another school year", "1.0", "CERT-REFERENCE", async p =>
        {
            var s = await p.StudentAsync();
            var lastYear = new SchoolYear(2025);
            var section = p.Section("CNA") with { SchoolYear = lastYear.EndYear, SectionIdentifier = "CNA-01-2025", SessionName = UseCasePayloads.SessionName(lastYear) };
            await p.SectionAsync(s, section, Plays.Irc);
        }),
        new("names a section the school never offered", "1.0", "CERT-REFERENCE", async p =>
        {
            var s = await p.StudentAsync();
            var section = p.Section("CNA") with { SectionIdentifier = "CNA-02-2026" };
            await p.SectionAsync(s, section, Plays.Irc);
        }),
        new("names a program of the school rather than DPI's at the LEA", "1.0", "CERT-REFERENCE", async p =>
        {
            var s = await p.StudentAsync();
            await p.SectionAsync(s, "CNA", Plays.Irc);
            await p.CteAssociationAsync(s, Plays.Irc with { EducationOrganizationId = Plays.School });
        }),
        new("deletes a parent before its child", "del-15.2", "CERT-DELETE-CHILDREN-FIRST", async p =>
        {
            var s = await p.StudentAsync();
            var section = await p.SectionAsync(s, "ENG9");
            var grade = await p.GradeAsync(s, "ENG9");
            await p.Sis.DeleteAsync("studentSectionAssociations", section.Id!);
            await p.Sis.DeleteAsync("grades", grade.Id!);
            await p.Sis.DeleteAsync("studentSectionAssociations", section.Id!);
        }),
        new("updates by DELETE then POST", "1.0", "CERT-UPDATE-IN-PLACE", async p =>
        {
            var s = await p.StudentAsync();
            await p.SectionAsync(s, "CNA", Plays.Irc);
            var first = await p.CteAssociationAsync(s, Plays.Irc, "B");
            await p.Sis.DeleteAsync("studentCTEProgramAssociations", first.Id!);
            await p.CteAssociationAsync(s, Plays.Irc, "A");
        }),
        new("retries at once after a 503", "1.0", "CERT-BACKOFF", p => p.UseCase1Async())
        {
            Behaviour = new SisBehaviour { RetriesAtOnce = true },
            Faults = ["503:POST:studentSectionAssociations:2"],
        },
        new("ignores Retry-After after a 429", "1.0", "CERT-BACKOFF", p => p.UseCase1Async())
        {
            Behaviour = new SisBehaviour { IgnoresRetryAfter = true },
            Faults = ["429:POST:studentCTEProgramAssociations:1:retry-after=2"],
        },
        new("retries without end", "1.0", "CERT-GIVE-UP", async p =>
        {
            try
            {
                await p.UseCase1Async();
            }
            catch (InvalidOperationException)
            {
                // the association never got through: that is the point
            }
        })
        {
            Behaviour = new SisBehaviour { RetriesWithoutEnd = true },
            Faults = ["503:POST:studentCTEProgramAssociations:12"],
        },
        new("resends a refused request unchanged", "2.0", "CERT-NO-RESEND-AFTER-4XX", async p =>
        {
            var s = await p.StudentAsync("Twelfth grade");
            await p.CteAssociationAsync(s, Plays.Wbl, status: null);
        })
        {
            Behaviour = new SisBehaviour { ResendsRefusedRequests = true },
        },
        new("fetches a new token for every request", "1.0", "CERT-TOKEN-REUSE", p => p.UseCase1Async())
        {
            Behaviour = new SisBehaviour { TokenPerRequest = true },
        },
        new("keeps using a refused token", "1.0", "CERT-RENEW-AFTER-401", async p =>
        {
            var s = await p.StudentAsync();
            p.Sis.ExpireNow();
            await p.SectionAsync(s, "CNA", Plays.Irc);
        })
        {
            Behaviour = new SisBehaviour { KeepsRefusedToken = true },
        },
        new("sends the Certified program type in 2024-25", "1.0", "WI-L1-DESCRIPTOR-YEAR", async p =>
        {
            var s = await p.StudentAsync();
            await p.SectionAsync(s, "CNA", new ProgramRef("Certified", "IRC State Approved Business & Industry"));
        })
        {
            SchoolYear = 2025,
        },
        new("sends section programs in core in 2024-25", "1.0", "CERT-SECTION-PROGRAMS-BEFORE-2526", async p =>
        {
            var s = await p.StudentAsync();
            var enrolment = UseCasePayloads.SectionEnrollment(s, p.Section("CNA"), new DateOnly(2024, 8, 26), null, new SchoolYear(2025), [Plays.Irc]);
            enrolment["programs"] = enrolment["_ext"]!["WI"]!["programs"]!.DeepClone();
            enrolment.Remove("_ext");
            await p.Sis.PostAsync("studentSectionAssociations", enrolment);
            await p.CteAssociationAsync(s, Plays.Irc);
        })
        {
            SchoolYear = 2025,
        },
        new("sends cipCode in its pre-2025-26 place in 2025-26", "2.0", "WI-L1-2526-CTE-SERVICES", async p =>
        {
            var s = await p.StudentAsync("Twelfth grade");
            await p.CteAssociationAsync(s, Plays.Wbl, oldShape: true);
        }),
        new("sends CTE data for a Choice school", "2.0", "WI-L1-CHOICE-NO-CTE", async p =>
        {
            var s = await p.StudentAsync("Twelfth grade", Plays.ChoiceSchool);
            await p.CteAssociationAsync(s, Plays.Wbl, school: Plays.ChoiceSchool);
        }),
        new("sends an IRC program name DPI does not list", "1.0", "WI-L1-PROGRAM-NAME", async p =>
        {
            var s = await p.StudentAsync();
            await p.SectionAsync(s, "CNA", new ProgramRef("IRC", "IRC Approved by Us"));
        }),
        new("sends section programs in DPI's extension in 2025-26", "4.0", "WI-L1-2526-SECTION-PROGRAMS", async p =>
        {
            var s = await p.StudentAsync("Twelfth grade");
            await p.SectionInExtensionAsync(s, "ACCT1", Plays.Dual);
        }),
        new("leaves out a public school's certificated program status", "2.0", "WI-L1-PUBLIC-REQUIRED", async p =>
        {
            var s = await p.StudentAsync("Twelfth grade");
            await p.CteAssociationAsync(s, Plays.Wbl, status: null);
        }),
        // DPI 17.2: "Single Parent status is required ... for all 11th and 12th grade students": an error, not a warning.
        new("leaves out an 11th grader's single-parent status", "1.0", "WI-L2-17.2", async p =>
        {
            var s = await p.StudentAsync(withoutCharacteristics: true);
            await p.SectionAsync(s, "CNA", Plays.Irc);
            await p.CteAssociationAsync(s, Plays.Irc);
        }),
        new("sends a child after its parent was refused", "1.0", "CERT-NO-CHILD-AFTER-REJECTED-PARENT", async p =>
        {
            var s = await p.StudentAsync(withoutBirthDate: true);
            await p.SectionAsync(s, "CNA", Plays.Irc);
        }),
        new("changes an absence date in place", "15.2", "CERT-KEY-CHANGE", async p =>
        {
            var s = await p.StudentAsync("Tenth grade");
            var absence = await p.AbsenceAsync(s, "2025-11-03");
            await p.Sis.PutAsync("studentSchoolAttendanceEvents", absence.Id!, p.Absence(s, "2025-11-04"));
        }),
        new("reports a day in attendance", "15.1", "CERT-15.1-NEGATIVE-ONLY", async p =>
        {
            var s = await p.StudentAsync("Tenth grade");
            var present = p.Absence(s, "2025-11-05");
            present["attendanceEventCategoryDescriptor"] = "uri://ed-fi.org/AttendanceEventCategoryDescriptor#In Attendance";
            await p.Sis.PostAsync("studentSchoolAttendanceEvents", present);
            await p.AbsenceAsync(s, "2025-11-06");
        }),
        new("reports the certificated program status on a grade", "11.0", "CERT-11.0-NO-STATUS-ON-GRADES", async p =>
        {
            await p.StatusChangeAsync(new ProgramRef("IRC", "IRC State Approved WTCS- Embedded Technical Diploma"), "A");
            var s = await p.StudentAsync();
            await p.SectionAsync(s, "ENG9");
            var grade = UseCasePayloads.Grade(s, p.Section("ENG9"), new DateOnly(2025, 8, 26), "B");
            grade["_ext"] = new System.Text.Json.Nodes.JsonObject { ["WI"] = new System.Text.Json.Nodes.JsonObject { ["certificatedProgramStatusDescriptor"] = "uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#A" } };
            await p.Sis.PostAsync("grades", grade);
        }),
        new("never corrects the absence", "15.2", "CERT-15.2-DELETE-AND-CREATE", async p =>
        {
            var s = await p.StudentAsync("Tenth grade");
            await p.AbsenceAsync(s, "2025-11-03");
            await p.AbsenceAsync(s, "2025-11-04");
        }),
        new("reports WBL on a section instead of on the CTE association", "2.0", "CERT-2.0-ASSOCIATION", async p =>
        {
            var s = await p.StudentAsync("Twelfth grade");
            await p.SectionAsync(s, "MKTG1", Plays.Wbl);
        }),
        new("never deletes the mistaken CTE program association", "del-15.1", "CERT-DEL-15.1-DELETE", async p =>
        {
            var s = await p.StudentAsync();
            await p.CteAssociationAsync(s, Plays.Irc);
        }),
        new("sends a student without a birth date", "1.0", "CERT-REFUSED", async p =>
        {
            await p.StudentAsync(withoutBirthDate: true);
        }),
        // DPI 1.0/2.0: "For students with Coursework enrollment type, the Certificated Program Status is assigned to the primary enrollment."
        new("puts the certificated status on the student's coursework enrolment", "1.0", "CERT-1.0-STATUS-ON-PRIMARY", async p =>
        {
            var s = await p.PrimaryAndCourseworkStudentAsync(Plays.School, Plays.MiddleHighSchool);
            await p.SectionAsync(s, "CNA", Plays.Irc);
            await p.CteAssociationAsync(s, Plays.Irc, school: Plays.MiddleHighSchool);
        }),
        // DPI 5.0: "The LEA is advised to submit the most accurate status": a warning (a correction is possible).
        new("lowers a completed status to Continuing", "2.0", "CERT-STATUS-DOWNGRADE", p => p.StatusChangeAsync(Plays.Wbl, "A", "B")),
        // DPI 17.1: "Student is always a concentrator in a specific pathway. LEA make sure to identify the career pathway of the student."
        new("reports a concentrator without a pathway", "17.1", "WI-L2-17.1", async p =>
        {
            var s = await p.StudentAsync("Twelfth grade");
            await p.CteAssociationAsync(s, new ProgramRef("CTE", "Career and Technical Education"), withoutPathway: true);
        }),
        // DPI warning 6794: several statuses for one certified program no section names; only one is expected.
        new("keeps two statuses for one IRC program", "11.0", "WI-L2-6794", async p =>
        {
            var s = await p.StudentAsync("Twelfth grade");
            var program = new ProgramRef("IRC", "IRC State Approved WTCS- Embedded Technical Diploma");
            await p.CteAssociationAsync(s, program, "B");
            await p.CteAssociationAsync(s, program, "A", begin: new DateOnly(2026, 1, 20));
        }),
        // DPI's table has WBL from 2024-25; its own 2022-23 sample uses it: a warning.
        new("reports a WBL program in 2023-24", "3.0", "WI-L2-WBL-BEFORE-2025", p => p.WithProgramsAsync("ANSCI", true, new ProgramRef("WBL", "Supervised Agricultural Experience")))
        {
            SchoolYear = 2024,
        },
        // DPI 18.1: "LEA needs to use the new Roster code."
        new("offers the roster code DPI marked DO NOT USE", "18.1", "WI-L2-18-DEPRECATED-COURSE", p => p.OfferAsync("FX-PFIN")),
    ];

    public static Mistake Named(string name) => ScriptedCase.Named(All, name);
}
