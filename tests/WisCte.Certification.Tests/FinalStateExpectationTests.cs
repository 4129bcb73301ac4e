using FluentAssertions;
using NUnit.Framework;
using WisCte.ReferenceSis.Payloads;
using WisCte.ScriptedSis;

namespace WisCte.Certification.Tests;

/// <summary>
/// Use cases are judged on what the SIS left in WISEdata after its last write (POST, PUT and DELETE all count), not on
/// whether some request once carried the expected value.
/// </summary>
public sealed class FinalStateExpectationTests
{
    [Test]
    public async Task A_status_moved_to_Completed_with_a_PUT_passes()
    {
        using var run = new ScriptedRun(new SisBehaviour());
        var student = await run.Plays.StudentAsync("Twelfth grade");
        var posted = await run.Plays.CteAssociationAsync(student, Plays.Irc, "B");
        var completed = UseCasePayloads.CteAssociation(student, Plays.Irc, Plays.School, new DateOnly(2025, 8, 26), new DateOnly(2026, 6, 5), new WisCte.EdFi.Model.SchoolYear(2026),
            "uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#A", ["uri://dpi.wi.gov/CteProgramAreaDescriptor#H"], "uri://dpi.wi.gov/CteProgramServiceDescriptor#8", "51.3902", false);
        (await run.Sis.PutAsync("studentCTEProgramAssociations", posted.Id!, completed)).Status.Should().Be(204);

        var verdict = run.Judge("5.0");
        verdict.Findings.Should().BeEmpty();
        verdict.Passed.Should().BeTrue();
    }

    [Test]
    public async Task Completed_then_overwritten_with_a_lower_status_fails_naming_the_overwrite()
    {
        using var run = new ScriptedRun(new SisBehaviour());
        await run.Plays.StatusChangeAsync(Plays.Irc, "A", "B");

        var verdict = run.Judge("5.0");
        var finding = verdict.Findings.Should().ContainSingle(f => f.RuleId == "CERT-5.0-COMPLETED").Subject;
        finding.Message.Should().Contain("later writes replaced or removed it");
        verdict.Findings.Should().ContainSingle(f => f.RuleId == "CERT-STATUS-DOWNGRADE" && f.Severity == FindingSeverity.Warning)
            .Which.JournalEntries.Should().HaveCount(2, "the downgrade names the completed write and the one that lowered it");
    }

    [Test]
    public async Task A_re_entry_whose_second_enrolment_is_later_deleted_fails()
    {
        using var run = new ScriptedRun(new SisBehaviour());
        var program = new WisCte.ReferenceSis.Payloads.ProgramRef("IRC", "IRC State Approved WTCS- Technical Diploma");
        var student = await run.Plays.StudentAsync();
        await run.Plays.SectionAsync(student, "WELD1", program);
        var second = await run.Sis.PostAsync("studentSectionAssociations", UseCasePayloads.SectionEnrollment(student, run.Plays.Section("WELD1"), new DateOnly(2025, 10, 10), null, new WisCte.EdFi.Model.SchoolYear(2026), [program]));
        await run.Plays.CteAssociationAsync(student, program);
        (await run.Sis.DeleteAsync("studentSectionAssociations", second.Id!)).Status.Should().Be(204);

        run.Judge("6.0").Findings.Should().ContainSingle(f => f.RuleId == "CERT-6.0-TWO-ENROLMENTS")
            .Which.Message.Should().Contain("later writes removed one");
    }

    [Test]
    public async Task Participation_reported_then_deleted_fails()
    {
        using var run = new ScriptedRun(new SisBehaviour());
        var student = await run.Plays.StudentAsync();
        var section = await run.Plays.SectionAsync(student, "CNA", Plays.Irc);
        await run.Plays.CteAssociationAsync(student, Plays.Irc);
        (await run.Sis.DeleteAsync("studentSectionAssociations", section.Id!)).Status.Should().Be(204);

        run.Judge("1.0").Findings.Should().Contain(f => f.RuleId == "CERT-1.0-PARTICIPATION");
    }

    [Test]
    public async Task A_participation_replaced_by_one_without_the_program_fails()
    {
        using var run = new ScriptedRun(new SisBehaviour());
        var student = await run.Plays.StudentAsync();
        await run.Plays.SectionAsync(student, "CNA", Plays.Irc);
        await run.Plays.CteAssociationAsync(student, Plays.Irc);
        await run.Plays.SectionAsync(student, "CNA"); // the same enrolment sent again without its programs

        run.Judge("1.0").Findings.Should().Contain(f => f.RuleId == "CERT-1.0-PARTICIPATION");
    }
}
