using FluentAssertions;
using NUnit.Framework;
using WisCte.Certification.UseCases;
using WisCte.EdFi.Model;
using WisCte.ScriptedSis;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;

namespace WisCte.Certification.Tests;

/// <summary>A finding names the cause a vendor's engineer would fix, and only that: a right catch under a wrong name misleads.</summary>
public sealed class AttributionTests
{
    [TestCase("names a section of another school year")]
    [TestCase("names a section the school never offered")]
    [TestCase("names a program of the school rather than DPI's at the LEA")]
    public async Task A_reference_to_a_record_that_never_exists_is_not_called_an_ordering_mistake(string mistake)
    {
        var findings = await FindingsOf(Mistakes.Named(mistake));

        findings.Should().Contain(f => f.RuleId == "CERT-REFERENCE");
        findings.Should().NotContain(f => f.RuleId == "CERT-PARENT-FIRST");
    }

    [Test]
    public async Task A_child_sent_before_its_parent_is_an_ordering_mistake_not_a_wrong_reference()
    {
        var findings = await FindingsOf(Mistakes.Named("posts a child before its parent"));

        findings.Should().Contain(f => f.RuleId == "CERT-PARENT-FIRST");
        findings.Should().NotContain(f => f.RuleId == "CERT-REFERENCE");
        findings.Should().NotContain(f => f.RuleId == "CERT-NO-RESEND-AFTER-4XX", "the enrolment sent again once its student is in is a correction, not a repeat");
    }

    [Test]
    public async Task A_delete_that_succeeds_once_its_dependants_are_gone_is_not_a_resend_after_a_refusal()
    {
        var findings = await FindingsOf(Mistakes.Named("deletes a parent before its child"));

        findings.Should().Contain(f => f.RuleId == "CERT-DELETE-CHILDREN-FIRST");
        findings.Should().NotContain(f => f.RuleId == "CERT-NO-RESEND-AFTER-4XX");
    }

    [Test]
    public async Task A_conflict_sent_again_and_refused_again_is_still_a_resend()
    {
        using var simulator = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient("vendor-sis", "vendor-secret", 48856)] });
        using var http = new HttpClient();
        var plays = new Plays(new ScriptedSisClient(http, simulator.BaseUrl, "vendor-sis", "vendor-secret", new SisBehaviour()));
        var student = await plays.StudentAsync();
        var section = await plays.SectionAsync(student, "ENG9");
        await plays.GradeAsync(student, "ENG9");
        await plays.Sis.PostAsync("students", WisCte.ReferenceSis.Payloads.UseCasePayloads.Student(Plays.NewStudent(), "cert")); // an unrelated accepted write
        await plays.Sis.DeleteAsync("studentSectionAssociations", section.Id!);
        await plays.Sis.PostAsync("students", WisCte.ReferenceSis.Payloads.UseCasePayloads.Student(Plays.NewStudent(), "cert"));
        await plays.Sis.DeleteAsync("studentSectionAssociations", section.Id!); // the grade is still there: refused again

        var verdict = Judge.Run(simulator.Journal.Query(), [UseCaseCatalog.Find("del-15.2")!], new SchoolYear(2026), runL2: false);
        verdict.Findings.Should().Contain(f => f.RuleId == "CERT-NO-RESEND-AFTER-4XX");
    }

    private static async Task<IReadOnlyList<Finding>> FindingsOf(Mistake mistake)
    {
        using var simulator = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient("vendor-sis", "vendor-secret", 48856)] });
        using var http = new HttpClient();
        var sis = new ScriptedSisClient(http, simulator.BaseUrl, "vendor-sis", "vendor-secret", mistake.Behaviour, mistake.SchoolYear);
        await mistake.Play(new Plays(sis, mistake.SchoolYear));
        return [.. Judge.Run(simulator.Journal.Query(), [UseCaseCatalog.Find(mistake.UseCase)!], new SchoolYear(mistake.SchoolYear), runL2: false).Findings];
    }
}
