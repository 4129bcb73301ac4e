using FluentAssertions;
using Reqnroll;
using WisCte.Reqnroll.NUnit.Reporting;
using WisCte.ScriptedSis;
using WisCte.Specs.Drivers;

namespace WisCte.Specs.Steps;

/// <summary>Certification's rules, shown on a scripted SIS: what it sends, and what the judgement says of it.</summary>
[Binding]
public sealed class CertificationSteps(CertificationDriver certification, ReportAttachments report)
{
    [Given("a SIS being certified for use case {string}")]
    public void GivenUseCase(string useCase) => certification.UseCase = useCase;

    [When("the SIS plays the use case as DPI documents it")]
    public Task PlaysDocumented() => certification.PlayAsync(new SisBehaviour(), 2026, [], certification.Documented());

    [When("the SIS plays the use case as DPI documents it, through 503s on its first POSTs, an expired token and a dropped connection")]
    public Task PlaysThroughDrills() =>
        certification.PlayAsync(new SisBehaviour(), 2026,
            ["503:POST:studentSectionAssociations:2", "503:POST:studentCTEProgramAssociations:2", "drop:POST:studentSchoolAssociations:1"],
            certification.Documented(), tokenExpiresMidway: true);

    [When("a SIS that {string} plays it")]
    public Task PlaysWithMistake(string name) => Play(Mistakes.Named(name));

    [When("a SIS that {string} plays it, close to a rule")]
    public Task PlaysNearMiss(string name) => Play(NearMisses.Named(name));

    private Task Play(ScriptedCase scripted)
    {
        scripted.UseCase.Should().Be(certification.UseCase, "'{0}' belongs to use case {1}", scripted.Name, scripted.UseCase);
        return certification.PlayAsync(scripted.Behaviour, scripted.SchoolYear, scripted.Faults, scripted.Play);
    }

    [Then("certification finds no problem")]
    public void NoProblem()
    {
        Attach();
        certification.Verdict!.Findings.Should().BeEmpty();
        certification.Verdict.Passed.Should().BeTrue();
    }

    [Then("certification fails use case {string} under rule {string}")]
    public void Fails(string useCase, string rule)
    {
        Attach();
        certification.Verdict!.Passed.Should().BeFalse();
        certification.Verdict.Findings.Should().Contain(f => f.UseCaseId == useCase && f.RuleId == rule, "found: {0}", string.Join(" | ", certification.Verdict.Findings));
    }

    [Then("certification passes use case {string} with a warning under rule {string}")]
    public void PassesWithWarning(string useCase, string rule)
    {
        Attach();
        certification.Verdict!.Passed.Should().BeTrue("found: {0}", string.Join(" | ", certification.Verdict.Findings));
        certification.Verdict.Findings.Should().Contain(f => f.UseCaseId == useCase && f.RuleId == rule && f.Severity == WisCte.Certification.FindingSeverity.Warning,
            "found: {0}", string.Join(" | ", certification.Verdict.Findings));
    }

    [Then("certification reports nothing under rule {string}")]
    public void NothingUnder(string rule)
    {
        Attach();
        certification.Verdict!.Findings.Should().NotContain(f => f.RuleId == rule, "found: {0}", string.Join(" | ", certification.Verdict.Findings));
    }

    private void Attach() => report.AttachJson("verdict", certification.Verdict!);
}
