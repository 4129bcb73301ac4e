using FluentAssertions;
using NUnit.Framework;
using WisCte.Certification.Rules;
using WisCte.Certification.UseCases;
using WisCte.Dpi.L2;
using WisCte.ScriptedSis;

namespace WisCte.Certification.Tests;

/// <summary>
/// Guards of the rule catalogue: every rule the judgement can report has a row (cause, severity from its source's
/// words, source, use cases), the README shows exactly that table, and every rule is shown firing and not firing by a
/// scripted SIS (a mistake and a near miss; a use case's expectation by a SIS that sends nothing and by the correct SIS).
/// </summary>
public class RuleCatalogTests
{
    private const string Begin = "<!-- rule-table:begin -->";
    private const string End = "<!-- rule-table:end -->";

    [Test]
    public void Every_rule_the_judgement_reports_has_a_row_and_every_row_a_rule()
    {
        var reported = Judge.Rules.SelectMany(r => r.Entries).Select(e => e.Id)
            .Concat(L2RuleSet.Dpi.Rules.Select(r => r.Code))
            .Concat(UseCaseCatalog.All.SelectMany(u => u.Expectations).Select(e => e.RuleId))
            .ToHashSet(StringComparer.Ordinal);

        RuleCatalog.All.Select(e => e.Id).Should().OnlyHaveUniqueItems();
        reported.Should().BeEquivalentTo(RuleCatalog.All.Select(e => e.Id), "a row no rule reports is stale, and a rule without a row is undocumented");
    }

    [Test]
    public void Every_row_states_its_source_the_word_that_sets_its_severity_and_its_use_cases()
    {
        foreach (var entry in RuleCatalog.All)
        {
            entry.Source.Should().NotBeNullOrWhiteSpace(entry.Id);
            entry.UseCases.Should().NotBeEmpty("{0} must belong to at least one use case", entry.Id);
            if (entry.Basis is Basis.Instruction or Basis.Advice or Basis.Contradicted or Basis.Derived)
                entry.Source.Should().ContainEquivalentOf(entry.Word, "{0}'s severity comes from DPI's words, so its source quotes the word", entry.Id);
        }
    }

    [TestCase("required", Basis.Instruction, FindingSeverity.Error)]
    [TestCase("advised", Basis.Advice, FindingSeverity.Warning)]
    [TestCase("sample", Basis.Contradicted, FindingSeverity.Warning)]
    [TestCase("409", Basis.Refusal, FindingSeverity.Error)]
    [TestCase("", Basis.Protocol, FindingSeverity.Error)]
    [TestCase("DPI identifies", Basis.Derived, FindingSeverity.Info)]
    public void The_severity_follows_from_the_basis(string word, Basis basis, FindingSeverity severity) =>
        new RuleEntry("X", Cause.Content, basis, word, word).Severity.Should().Be(severity);

    [Test]
    public void Severity_follows_DPI_s_words_for_the_rules_DPI_names()
    {
        RuleCatalog.Get("WI-L2-17.2").Severity.Should().Be(FindingSeverity.Error, "DPI: 'Single Parent status is required'");
        RuleCatalog.Get("WI-L2-18-DEPRECATED-COURSE").Severity.Should().Be(FindingSeverity.Error, "DPI: 'LEA needs to use the new Roster code'");
        RuleCatalog.Get("WI-L2-6794").Severity.Should().Be(FindingSeverity.Warning, "DPI's own message 6794 is a warning");
        RuleCatalog.Get("CERT-STATUS-DOWNGRADE").Severity.Should().Be(FindingSeverity.Warning, "DPI: 'The LEA is advised to submit the most accurate status'");
    }

    [Test]
    public void DPI_s_L2_rules_report_the_severity_their_row_gives()
    {
        foreach (var rule in L2RuleSet.Dpi.Rules)
        {
            var expected = rule.Severity switch { Severity.Error => FindingSeverity.Error, Severity.Warning => FindingSeverity.Warning, _ => FindingSeverity.Info };
            RuleCatalog.Get(rule.Code).Severity.Should().Be(expected, rule.Code);
        }
    }

    [Test]
    public void Every_rule_is_shown_firing_and_not_firing()
    {
        var fires = Mistakes.All.Select(m => m.Rule).ToHashSet(StringComparer.Ordinal);
        var doesNotFire = NearMisses.All.Select(m => m.Rule).ToHashSet(StringComparer.Ordinal);
        fires.Concat(doesNotFire).Should().OnlyContain(id => RuleCatalog.Find(id) != null, "scripted SISes name catalogued rules only");

        // A use case's expectation fires for a SIS that sends nothing and not for the correct SIS (JudgementTests).
        var missing = RuleCatalog.All
            .Where(e => e.Cause != Cause.Outcome && e.Basis != Basis.Derived)
            .SelectMany(e => new[] { fires.Contains(e.Id) ? null : $"{e.Id}: no mistake shows it firing", doesNotFire.Contains(e.Id) ? null : $"{e.Id}: no near miss shows it not firing" })
            .OfType<string>().ToList();
        missing.Should().BeEmpty("every rule needs a scripted SIS that breaks it (Mistakes) and one that comes close without breaking it (NearMisses)");
    }

    [Test]
    public void The_README_shows_the_rule_table()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "WisCte.Certification", "README.md");
        var readme = File.ReadAllText(path).ReplaceLineEndings("\n");
        var (begin, end) = (readme.IndexOf(Begin, StringComparison.Ordinal), readme.IndexOf(End, StringComparison.Ordinal));
        begin.Should().BeGreaterThanOrEqualTo(0, "the README marks its rule table with {0} … {1}", Begin, End);
        var shown = readme[(begin + Begin.Length)..end].Trim('\n');
        var table = RuleCatalog.Markdown().ReplaceLineEndings("\n").Trim('\n');
        if (shown != table && Environment.GetEnvironmentVariable("WISCTE_UPDATE_RULE_TABLE") == "1")
        {
            File.WriteAllText(path, readme[..(begin + Begin.Length)] + "\n" + table + "\n" + readme[end..]);
            return;
        }
        shown.Should().Be(table, "the README's table is RuleCatalog.Markdown(); rerun this test with WISCTE_UPDATE_RULE_TABLE=1 to rewrite it");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WisCte.Conformance.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("The repository root (WisCte.Conformance.sln) is not above the test directory.");
    }
}
