using FluentAssertions;
using NUnit.Framework;
using WisCte.Certification.Tests.Support;
using WisCte.Certification.UseCases;
using WisCte.Dpi;
using WisCte.ReferenceSis.Payloads;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Hosting;

namespace WisCte.Certification.Tests;

/// <summary>
/// The judgement catches what it claims to: a correct SIS passes every use case with no finding (fault drills
/// included); each faulty SIS makes one mistake and is caught with the right use case and rule.
/// </summary>
public sealed class JudgementTests
{
    private sealed class Run : IDisposable
    {
        public Run(SisBehaviour behaviour, int schoolYear = 2026, params string[] faults)
        {
            Simulator = WisedataSimulator.Start(new SimulatorOptions
            {
                Clients = [new ApiClient("vendor-sis", "vendor-secret", 48856)],
                Faults = [.. faults.Select(FaultInjector.Parse)],
            });
            Sis = new ScriptedSis(Http, Simulator.BaseUrl, "vendor-sis", "vendor-secret", behaviour, schoolYear)
            {
                ExpireToken = () => Simulator.State.Tokens.ExpireAll("vendor-sis"),
            };
            Plays = new Plays(Sis, schoolYear);
        }

        public HttpClient Http { get; } = new();
        public WisedataSimulator Simulator { get; }
        public ScriptedSis Sis { get; }
        public Plays Plays { get; }

        public Verdict Judge(params string[] useCases) =>
            Certification.Judge.Run(Simulator.Journal.Query(), [.. useCases.Select(u => UseCaseCatalog.Find(u)!)], new SchoolYear(2026));

        public Verdict JudgeYear(int year, params string[] useCases) =>
            Certification.Judge.Run(Simulator.Journal.Query(), [.. useCases.Select(u => UseCaseCatalog.Find(u)!)], new SchoolYear(year));

        public void Dispose()
        {
            Http.Dispose();
            Simulator.Dispose();
        }
    }

    [Test]
    public async Task A_correct_sis_passes_every_use_case_with_no_finding_even_through_fault_drills()
    {
        using var run = new Run(new SisBehaviour(), 2026, "503:POST:studentSectionAssociations:2", "drop:POST:grades:1", "429:POST:studentSchoolAttendanceEvents:1:retry-after=1");

        await run.Plays.UseCase1Async();
        run.Simulator.State.Tokens.ExpireAll("vendor-sis"); // a token that expires mid-run
        await run.Plays.UseCase2Async();
        await run.Plays.UseCase4Async();
        await run.Plays.UseCase7Async();
        await run.Plays.UseCase15_1Async();
        await run.Plays.UseCase15_2Async();
        await run.Plays.UseCaseDelete15_1Async();
        await run.Plays.UseCaseDelete15_2Async();

        var verdict = run.Judge([.. UseCaseCatalog.All.Select(u => u.Id)]);
        verdict.Findings.Should().BeEmpty();
        verdict.Passed.Should().BeTrue();
        run.Simulator.Journal.Query().Should().Contain(e => e.Fault == "503").And.Contain(e => e.Fault == "drop").And.Contain(e => e.Status == 401);
    }

    public static IEnumerable<TestCaseData> FaultySises()
    {
        static TestCaseData Case(string name, string useCase, string rule, Func<Plays, Task> play, SisBehaviour? behaviour = null, int year = 2026, params string[] faults) =>
            new TestCaseData(useCase, rule, play, behaviour ?? new SisBehaviour(), year, faults).SetName($"Caught: {name} ({useCase}, {rule})");

        yield return Case("a descriptor in the wrong namespace", "1.0", "CERT-DESCRIPTOR", async p =>
        {
            var s = await p.StudentAsync();
            await p.SectionAsync(s, "CNA", new ProgramRef("uri://ed-fi.org/ProgramTypeDescriptor#IRC", "IRC State Approved Business & Industry"));
        });
        yield return Case("no CTE association for a participating student", "1.0", "CERT-1.0-STATUS", async p =>
        {
            var s = await p.StudentAsync();
            await p.SectionAsync(s, "CNA", Plays.Irc);
        });
        yield return Case("a child posted before its parent", "1.0", "CERT-PARENT-FIRST", async p =>
        {
            var s = Plays.NewStudent();
            await p.SectionAsync(s, "CNA", Plays.Irc);
        });
        yield return Case("a parent deleted before its child", "del-15.2", "CERT-DELETE-CHILDREN-FIRST", async p =>
        {
            var s = await p.StudentAsync();
            var section = await p.SectionAsync(s, "ENG9");
            var grade = await p.GradeAsync(s, "ENG9");
            await p.Sis.DeleteAsync("studentSectionAssociations", section.Id!);
            await p.Sis.DeleteAsync("grades", grade.Id!);
            await p.Sis.DeleteAsync("studentSectionAssociations", section.Id!);
        });
        yield return Case("DELETE then POST used as an update", "1.0", "CERT-UPDATE-IN-PLACE", async p =>
        {
            var s = await p.StudentAsync();
            await p.SectionAsync(s, "CNA", Plays.Irc);
            var first = await p.CteAssociationAsync(s, Plays.Irc, "B");
            await p.Sis.DeleteAsync("studentCTEProgramAssociations", first.Id!);
            await p.CteAssociationAsync(s, Plays.Irc, "A");
        });
        yield return Case("no back-off after a 503", "1.0", "CERT-BACKOFF", p => p.UseCase1Async(), new SisBehaviour { RetriesAtOnce = true }, 2026, "503:POST:studentSectionAssociations:2");
        yield return Case("Retry-After ignored after a 429", "1.0", "CERT-BACKOFF", p => p.UseCase1Async(), new SisBehaviour { IgnoresRetryAfter = true }, 2026, "429:POST:studentCTEProgramAssociations:1:retry-after=2");
        yield return Case("retrying without end", "1.0", "CERT-GIVE-UP", p => p.UseCase1Async().ContinueWith(_ => { }, TaskScheduler.Default),
            new SisBehaviour { RetriesWithoutEnd = true }, 2026, "503:POST:studentCTEProgramAssociations:12");
        yield return Case("a refused request resent unchanged", "2.0", "CERT-NO-RESEND-AFTER-4XX", async p =>
        {
            var s = await p.StudentAsync("Twelfth grade");
            await p.CteAssociationAsync(s, Plays.Wbl, status: null);
        }, new SisBehaviour { ResendsRefusedRequests = true });
        yield return Case("a new token for every request", "1.0", "CERT-TOKEN-REUSE", p => p.UseCase1Async(), new SisBehaviour { TokenPerRequest = true });
        yield return Case("a refused token used again", "1.0", "CERT-RENEW-AFTER-401", async p =>
        {
            var s = await p.StudentAsync();
            p.Sis.ExpireNow();
            await p.SectionAsync(s, "CNA", Plays.Irc);
        }, new SisBehaviour { KeepsRefusedToken = true });
        yield return Case("the Certified program type in 2024-25", "1.0", "WI-L1-DESCRIPTOR-YEAR", async p =>
        {
            var s = await p.StudentAsync();
            await p.SectionAsync(s, "CNA", new ProgramRef("Certified", "IRC State Approved Business & Industry"));
        }, year: 2025);
        yield return Case("cipCode in its pre-2025-26 place in 2025-26", "2.0", "WI-L1-2526-CTE-SERVICES", async p =>
        {
            var s = await p.StudentAsync("Twelfth grade");
            await p.CteAssociationOldShapeAsync(s, Plays.Wbl);
        });
        yield return Case("CTE data for a Choice school", "2.0", "WI-L1-CHOICE-NO-CTE", async p =>
        {
            var s = await p.StudentAsync("Twelfth grade", Plays.ChoiceSchool);
            await p.CteAssociationAsync(s, Plays.Wbl, school: Plays.ChoiceSchool);
        });
        yield return Case("an IRC program name DPI does not list", "1.0", "WI-L1-PROGRAM-NAME", async p =>
        {
            var s = await p.StudentAsync();
            await p.SectionAsync(s, "CNA", new ProgramRef("IRC", "IRC Approved by Us"));
        });
        yield return Case("section programs in DPI's extension in 2025-26", "4.0", "WI-L1-2526-SECTION-PROGRAMS", async p =>
        {
            var s = await p.StudentAsync("Twelfth grade");
            await p.SectionInExtensionAsync(s, "ACCT1", Plays.Dual);
        });
        yield return Case("a public school's CTE association without its status", "2.0", "WI-L1-PUBLIC-REQUIRED", async p =>
        {
            var s = await p.StudentAsync("Twelfth grade");
            await p.CteAssociationAsync(s, Plays.Wbl, status: null);
        });
        yield return Case("a child sent after its parent was refused", "1.0", "CERT-NO-CHILD-AFTER-REJECTED-PARENT", async p =>
        {
            var s = await p.StudentAsync(withoutBirthDate: true);
            await p.SectionAsync(s, "CNA", Plays.Irc);
        });
        yield return Case("an absence date changed in place", "15.2", "CERT-KEY-CHANGE", async p =>
        {
            var s = await p.StudentAsync("Tenth grade");
            var absence = await p.AbsenceAsync(s, "2025-11-03");
            var moved = Certification.Tests.Support.Payloads.Absence(s, "2025-11-04");
            await p.Sis.PutAsync("studentSchoolAttendanceEvents", absence.Id!, moved);
        });
        yield return Case("an absence never corrected", "15.2", "CERT-15.2-DELETE-AND-CREATE", async p =>
        {
            var s = await p.StudentAsync("Tenth grade");
            await p.AbsenceAsync(s, "2025-11-03");
            await p.AbsenceAsync(s, "2025-11-04");
        });
        yield return Case("WBL reported on a section instead of the CTE association", "2.0", "CERT-2.0-ASSOCIATION", async p =>
        {
            var s = await p.StudentAsync("Twelfth grade");
            await p.SectionAsync(s, "MKTG1", Plays.Wbl);
        });
        yield return Case("the mistaken CTE association never deleted", "del-15.1", "CERT-DEL-15.1-DELETE", async p =>
        {
            var s = await p.StudentAsync();
            await p.CteAssociationAsync(s, Plays.Irc);
        });
    }

    [TestCaseSource(nameof(FaultySises))]
    public async Task A_faulty_sis_is_caught_with_the_right_use_case_and_rule(string useCase, string rule, Func<Plays, Task> play, SisBehaviour behaviour, int year, string[] faults)
    {
        using var run = new Run(behaviour, year, faults);

        await play(run.Plays);

        var verdict = run.Judge(useCase);
        verdict.Passed.Should().BeFalse();
        verdict.UseCases.Single().Findings.Should().Contain(f => f.UseCaseId == useCase && f.RuleId == rule,
            "the mistake must be caught as {0} in use case {1}; found: {2}", rule, useCase, string.Join(" | ", verdict.Findings));
    }
}
