using FluentAssertions;
using NUnit.Framework;
using WisCte.Dpi.Baseline;
using WisCte.Dpi.L2;
using WisCte.EdFi.Model;
using WisCte.Journal;
using WisCte.ReferenceSis.Payloads;
using WisCte.ScriptedSis;

namespace WisCte.Certification.Tests;

/// <summary>
/// DPI's L2 rules over the journal's final state (<see cref="JournalValidation"/>) give what they gave over a replay of
/// the journal into a fresh simulator (<see cref="SimulatorReplay"/>, the way certification worked before): the same
/// results, in the same order, naming the same records, on the journals of the scripted SIS (the correct one through the
/// fault drills, and each faulty one), and on journals that exercise what a reducer could get wrong (a key change the ODS
/// cascades, an enrolment deleted, a baseline record upserted). Each also checks the final state against the store of the
/// simulator that recorded the journal, record by record.
/// </summary>
public sealed class FinalStateEquivalenceTests
{
    private static readonly SchoolYear Year = new(2026);
    private static readonly SchemaCatalog Schema = SchemaCatalog.Embedded();

    /// <summary>
    /// Both ways over the run's journal; they must agree. And the final state itself must be what the simulator that
    /// recorded the journal holds: every resource the journal or the baseline names, record by record in order, same
    /// key and body, and the same id wherever the journal gave one. The reducer's L2 results are returned for further checks.
    /// </summary>
    private static IReadOnlyList<ValidationResult> BothWays(ScriptedRun run, SchoolYear defaultYear)
    {
        var exchanges = new JudgementContext(run.Simulator.Journal.Query(), [], defaultYear).Exchanges.ToList();
        var reduced = JournalValidation.Validate(exchanges, defaultYear, Judge.CertifiedLea);
        var replayed = SimulatorReplay.Validate(exchanges, defaultYear, Judge.CertifiedLea);
        Lines(reduced).Should().Equal(Lines(replayed), "the final state must give what the replay into a simulator gave");

        var state = FinalState.OverBaseline(Schema).ApplyAll(exchanges);
        var years = exchanges.Where(e => e.IsData && e.Route.Year is not null).Select(e => e.Route.Year!.Value).Append(defaultYear).Distinct();
        var baseline = BaselineRecords.Embedded();
        foreach (var year in years)
        {
            var store = run.Simulator.State.Year(year)!;
            var resources = exchanges.Select(e => e.Resource).Concat(BaselineRecords.ForYear(baseline, year).Select(r => r.Resource))
                .Select(r => r is null ? null : Schema.Find(r)?.Endpoint).OfType<string>().Distinct(StringComparer.Ordinal);
            foreach (var resource in resources)
            {
                var left = state.Records(year, resource);
                var held = store.All(resource);
                left.Select(r => $"{r.Key} {r.Body.ToJsonString()}").Should().Equal(held.Select(d => $"{d.Key} {d.Body.ToJsonString()}"),
                    "the final state of {0} in {1} must be what the recording simulator holds", resource, year);
                left.Zip(held).Where(p => p.First.Id is not null && p.First.Id != p.Second.IdText).Select(p => $"{p.First.Id} for {p.Second.IdText}")
                    .Should().BeEmpty("a record the journal named has the recording simulator's id ({0} in {1})", resource, year);
                var baselineKeys = BaselineRecords.ForYear(baseline, year).Where(b => b.Resource == resource)
                    .Select(b => NaturalKey.Of(Schema.Find(resource)!, BodyBinder.Bind(Schema.Find(resource)!.Root, b.Body).Document)).ToHashSet(StringComparer.Ordinal);
                left.Where(r => r.Id is null && !baselineKeys.Contains(r.Key)).Select(r => NaturalKey.Display(r.Key))
                    .Should().BeEmpty("only a baseline record no write named has no id ({0} in {1})", resource, year);
            }
        }
        return reduced;
    }

    private static IEnumerable<string> Lines(IEnumerable<ValidationResult> results) =>
        results.Select(r => $"{r.SchoolYear} {r.Code} {r.Severity} {r.Resource} id={r.ResourceId} student={r.StudentUniqueId} lea={r.LocalEducationAgencyId}: {r.Message}");

    [Test]
    public async Task A_correct_sis_playing_every_use_case_through_the_fault_drills()
    {
        using var run = new ScriptedRun(new SisBehaviour(), 2026, "503:POST:studentSectionAssociations:2", "drop:POST:grades:1", "429:POST:studentSchoolAttendanceEvents:1:retry-after=1");
        foreach (var useCase in Plays.UseCases)
        {
            await Plays.PlayDocumentedAsync(run.Sis, run.SisFor, useCase);
            if (useCase == "2.0")
                run.Simulator.ExpireTokens("vendor-sis");
        }

        var results = BothWays(run, Year);

        results.Should().Contain(r => r.Code == "WI-L2-17.3", "CTE participants are derived from what the correct SIS stored");
    }

    public static IEnumerable<TestCaseData> FaultySises() =>
        Mistakes.All.Select(m => new TestCaseData(m).SetName($"Equivalent on the journal of a SIS that {m.Name}"));

    [TestCaseSource(nameof(FaultySises))]
    public async Task A_faulty_sis(Mistake mistake)
    {
        using var run = new ScriptedRun(mistake.Behaviour, mistake.SchoolYear, [.. mistake.Faults]);
        await mistake.Play(run.Plays);

        var results = BothWays(run, new SchoolYear(mistake.SchoolYear));

        if (mistake.Rule.StartsWith("WI-L2-", StringComparison.Ordinal))
            results.Should().Contain(r => r.Code == mistake.Rule);
    }

    [Test]
    public async Task A_key_change_the_ods_cascades_into_a_grade()
    {
        using var run = new ScriptedRun(new SisBehaviour());
        var student = await run.Plays.StudentAsync("Tenth grade");
        var section = await run.Plays.SectionAsync(student, "FOODS1");
        (await run.Plays.GradeAsync(student, "FOODS1")).Status.Should().Be(201);
        var later = UseCasePayloads.SectionEnrollment(student, run.Plays.Section("FOODS1"), new DateOnly(2025, 9, 2), null, Year, []);
        (await run.Sis.PutAsync("studentSectionAssociations", section.Id!, later)).Status.Should().Be(204);

        var results = BothWays(run, Year);

        results.Should().Contain(r => r.Code == "WI-L2-17.3" && r.StudentUniqueId == student && r.ResourceId == section.Id,
            "the grade follows its section association's new key, so the student still passed a CTE course");
    }

    [Test]
    public async Task An_enrolment_deleted_under_a_students_records()
    {
        using var run = new ScriptedRun(new SisBehaviour());
        var student = Plays.NewStudent();
        (await run.Sis.PostAsync("students", UseCasePayloads.Student(student, "cert"))).Status.Should().Be(201);
        var enrolment = await run.Sis.PostAsync("studentSchoolAssociations",
            UseCasePayloads.SchoolEnrollment(student, Plays.School, "uri://ed-fi.org/GradeLevelDescriptor#Eleventh grade", new DateOnly(2025, 8, 26)));
        enrolment.Status.Should().Be(201);
        (await run.Plays.SectionAsync(student, "CNA", Plays.Irc)).Status.Should().Be(201);

        BothWays(run, Year).Should().Contain(r => r.Code == "WI-L2-16.1" && r.StudentUniqueId == student);

        (await run.Sis.DeleteAsync("studentSchoolAssociations", enrolment.Id!)).Status.Should().Be(204);

        BothWays(run, Year).Should().NotContain(r => r.StudentUniqueId == student,
            "the LEA's key no longer reads the records of a student enrolled at none of its schools");
    }

    [Test]
    public async Task A_baseline_record_upserted_by_the_sis()
    {
        using var run = new ScriptedRun(new SisBehaviour());
        var offering = await run.Sis.PostAsync("courseOfferings", UseCasePayloads.CourseOffering("CNA", "FX-PFIN", Judge.CertifiedLea, Plays.School, Year));
        offering.Status.Should().Be(200, "the baseline has an offering CNA at the school");

        var results = BothWays(run, Year);

        results.Should().Contain(r => r.Code == "WI-L2-18-DEPRECATED-COURSE" && r.ResourceId == offering.Id);
    }
}
