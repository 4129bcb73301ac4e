using WisCte.Certification.Rules;
using WisCte.EdFi.Model;
using FluentAssertions;
using NUnit.Framework;
using WisCte.ScriptedSis;
using WisCte.Certification.UseCases;
using WisCte.Dpi;
using WisCte.ReferenceSis.Payloads;

namespace WisCte.Certification.Tests;

/// <summary>
/// The judgement catches what it claims to: a correct SIS passes every use case with no finding (fault drills
/// included); each faulty SIS makes one mistake and is caught with the right use case and rule.
/// </summary>
public sealed class JudgementTests
{
    [Test]
    public void The_judgement_claims_to_catch_at_least_twenty_distinct_mistakes() =>
        Mistakes.All.Select(m => m.Name).Distinct(StringComparer.Ordinal).Should().HaveCountGreaterThanOrEqualTo(20);

    [Test]
    public async Task A_correct_sis_passes_every_use_case_with_no_finding_even_through_fault_drills()
    {
        using var run = new ScriptedRun(new SisBehaviour(), 2026, "503:POST:studentSectionAssociations:2", "drop:POST:grades:1", "429:POST:studentSchoolAttendanceEvents:1:retry-after=1");

        foreach (var useCase in Plays.UseCases)
        {
            await Plays.PlayDocumentedAsync(run.Sis, run.SisFor, useCase);
            if (useCase == "2.0")
                run.Simulator.ExpireTokens("vendor-sis"); // a token that expires mid-run
        }

        var verdict = run.Judge([.. UseCaseCatalog.All.Select(u => u.Id)]);
        verdict.Findings.Should().BeEmpty();
        verdict.Passed.Should().BeTrue();
        verdict.UseCases.Select(u => u.Id).Should().BeEquivalentTo(Plays.UseCases, "certification judges every use case the scripted SIS plays");
        run.Simulator.Journal.Query().Should().Contain(e => e.Fault == "503").And.Contain(e => e.Fault == "drop").And.Contain(e => e.Status == 401);
    }

    public static IEnumerable<TestCaseData> UseCasesAndExpectations() =>
        UseCaseCatalog.All.SelectMany(u => u.Expectations.Select(e => new TestCaseData(u.Id, e.RuleId).SetName($"A SIS that sends nothing fails {u.Id} under {e.RuleId}")));

    [TestCaseSource(nameof(UseCasesAndExpectations))]
    public void A_sis_that_sends_nothing_fails_each_expectation(string useCase, string rule)
    {
        using var run = new ScriptedRun(new SisBehaviour());

        var verdict = run.Judge(useCase);

        verdict.Passed.Should().BeFalse();
        verdict.Findings.Should().Contain(f => f.UseCaseId == useCase && f.RuleId == rule);
    }

    public static IEnumerable<TestCaseData> FaultySises() =>
        Mistakes.All.Select(m => new TestCaseData(m).SetName($"Caught: a SIS that {m.Name} ({m.UseCase}, {m.Rule})"));

    [TestCaseSource(nameof(FaultySises))]
    public async Task A_faulty_sis_is_caught_with_the_right_use_case_and_rule(Mistake mistake)
    {
        var (useCase, rule) = (mistake.UseCase, mistake.Rule);
        using var run = new ScriptedRun(mistake.Behaviour, mistake.SchoolYear, [.. mistake.Faults]);

        await mistake.Play(run.Plays);

        var verdict = run.Judge(useCase);
        verdict.UseCases.Single().Findings.Should().Contain(f => f.UseCaseId == useCase && f.RuleId == rule,
            "the mistake must be caught as {0} in use case {1}; found: {2}", rule, useCase, string.Join(" | ", verdict.Findings));
        // An error fails the use case; a warning (DPI advises, or its own sample contradicts its table) is reported and passes.
        if (RuleCatalog.Get(rule).Severity == FindingSeverity.Error)
            verdict.Passed.Should().BeFalse();
        else
            verdict.Passed.Should().BeTrue("{0} is a warning; found: {1}", rule, string.Join(" | ", verdict.Findings));
    }

    public static IEnumerable<TestCaseData> NearMissSises() =>
        NearMisses.All.Select(m => new TestCaseData(m).SetName($"Not caught: a SIS that {m.Name} ({m.UseCase}, not {m.Rule})"));

    [TestCaseSource(nameof(NearMissSises))]
    public async Task A_near_miss_is_not_caught_by_the_rule_it_skirts(NearMiss nearMiss)
    {
        using var run = new ScriptedRun(nearMiss.Behaviour, nearMiss.SchoolYear, [.. nearMiss.Faults]);

        await nearMiss.Play(run.Plays);

        var verdict = run.Judge(nearMiss.UseCase);
        verdict.Findings.Should().NotContain(f => f.RuleId == nearMiss.Rule, "found: {0}", string.Join(" | ", verdict.Findings));
        if (nearMiss.Correct)
            verdict.Passed.Should().BeTrue("the whole play conforms; found: {0}", string.Join(" | ", verdict.Findings));
        else
            verdict.Findings.Should().NotBeEmpty("the play makes another mistake on purpose, which must still be caught");
    }
}
