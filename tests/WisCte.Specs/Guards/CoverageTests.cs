using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Dpi.L1;
using WisCte.Dpi.L2;
using WisCte.Reqnroll.NUnit.Catalog;

namespace WisCte.Specs.Guards;

/// <summary>
/// What the suite must keep covering, so that deleting a scenario cannot pass unnoticed: every use case on DPI's
/// page has a scenario, and every rule the simulator enforces has a scenario where it refuses or flags a mistake.
/// </summary>
public sealed partial class CoverageTests
{
    private static IReadOnlyList<FeatureDescriptor> Features => FeatureCatalog.For(typeof(CoverageTests).Assembly);

    public static IEnumerable<string> UseCaseTags => WisCte.Dpi.UseCases.DpiUseCaseCatalog.Dpi.UseCases.Select(u => u.Tag);

    public static IEnumerable<string> RuleCodes =>
        L1RuleSet.Dpi.Rules.Select(r => r.Id).Append(L1RuleSet.DescriptorYearRule)
            .Concat(L2RuleSet.Dpi.Rules.Select(r => r.Code));

    [TestCaseSource(nameof(UseCaseTags))]
    public void Every_use_case_on_dpis_page_has_a_scenario(string tag) =>
        Features.SelectMany(f => f.Scenarios).Should().Contain(s => s.AllTags.Contains(tag), "use case {0} must be in features/", tag);

    [TestCaseSource(nameof(RuleCodes))]
    public void Every_rule_the_simulator_enforces_refuses_or_flags_a_mistake_in_some_scenario(string code)
    {
        var steps = Features.SelectMany(f => f.Scenarios).SelectMany(s => s.Steps).Select(s => s.Text).ToList();
        steps.Should().Contain(t => RuleStep().IsMatch(t) && t.Contains($"\"{code}\"", StringComparison.Ordinal),
            "rule {0} needs a scenario where WISEdata refuses or the L2 validation reports it", code);
    }

    public static IEnumerable<string> CertificationMistakes => WisCte.ScriptedSis.Mistakes.All.Select(m => m.Name);

    [TestCaseSource(nameof(CertificationMistakes))]
    public void Every_mistake_certification_catches_is_shown_in_the_certification_features(string mistake)
    {
        var steps = Features.SelectMany(f => f.Scenarios).SelectMany(s => s.Steps).Select(s => s.Text);
        steps.Should().Contain($"a SIS that \"{mistake}\" plays it");
    }

    public static IEnumerable<string> CertificationNearMisses => WisCte.ScriptedSis.NearMisses.All.Select(m => m.Name);

    [TestCaseSource(nameof(CertificationNearMisses))]
    public void Every_near_miss_certification_lets_pass_is_shown_in_the_certification_features(string nearMiss)
    {
        var steps = Features.SelectMany(f => f.Scenarios).SelectMany(s => s.Steps).Select(s => s.Text);
        steps.Should().Contain($"a SIS that \"{nearMiss}\" plays it, close to a rule");
    }

    [GeneratedRegex(@"^(WISEdata refuses it under rule|the L2 validation reports) """, RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RuleStep();
}
