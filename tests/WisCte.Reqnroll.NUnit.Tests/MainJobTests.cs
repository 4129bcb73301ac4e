using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Reqnroll.NUnit.Catalog;
using WisCte.Reqnroll.NUnit.Reporting;
using WisCte.Reqnroll.NUnit.Tests.Support;
using WisCte.TestSupport;

namespace WisCte.Reqnroll.NUnit.Tests;

/// <summary>The README's main-job command (./run-suite) writes a living-doc report naming every scenario in features/.</summary>
[Category("main-job")]
public sealed partial class MainJobTests
{
    private static string Root => LivingDocOptions.FindRepositoryRoot(AppContext.BaseDirectory)!;

    [Test]
    public async Task Run_suite_writes_a_living_doc_report_naming_every_scenario_in_features()
    {
        var reportDirectory = Path.Combine(SampleRun.ArtifactsDirectory, "main-job", "living-doc");
        if (Directory.Exists(reportDirectory))
            Directory.Delete(reportDirectory, recursive: true);

        // --no-build: the solution's test run has built it already, and is running the suite's DLL beside us.
        var run = await ProcessRunner.RunAsync(
            Path.Combine(Root, "run-suite"),
            ["--no-build"],
            new Dictionary<string, string?>(StringComparer.Ordinal) { [LivingDocOptions.DirectoryVariable] = reportDirectory },
            TimeSpan.FromMinutes(5));

        run.ExitCode.Should().Be(0, run.Output);
        var html = Path.Combine(reportDirectory, "index.html");
        run.Output.Should().Contain($"Living documentation: {html}").And.MatchRegex(@"\d+ passed, 0 failed");

        var expected = ScenarioNamesUnderFeatures();
        expected.Should().NotBeEmpty();
        CucumberReport.Load(Path.Combine(reportDirectory, "index.ndjson")).Pickles.Select(p => p.Name)
            .Should().Contain(expected);
        var page = await File.ReadAllTextAsync(html);
        foreach (var name in expected)
            page.Should().Contain(AsInHtml(name), "the report must name scenario '{0}'", name);

        // Every HTTP exchange is evidence in the report, with its bearer token masked.
        var report = CucumberReport.Load(Path.Combine(reportDirectory, "index.ndjson"));
        var exchanges = report.Executions.SelectMany(e => e.Attachments).Where(a => a.MediaType == "application/json").Select(a => a.Text).ToList();
        exchanges.Should().Contain(a => a.Contains("\"Bearer ***\"", StringComparison.Ordinal));
        exchanges.Should().NotContain(a => BearerToken().IsMatch(a), "no bearer token may reach the report");

        await The_use_case_index_lists_every_use_case_in_dpis_order_and_passes_axe(reportDirectory, report);
    }

    /// <summary>
    /// The suite's use-case index, beside the report: a row for every use case the feature files tag, in the order of
    /// DPI's page (by number; the deletes group, numbered 15.1 and 15.2 again, after the attendance 15.x group), and no
    /// WCAG 2.1 AA violation on it or on the Cucumber report, which links to it.
    /// </summary>
    private static async Task The_use_case_index_lists_every_use_case_in_dpis_order_and_passes_axe(string reportDirectory, CucumberReport report)
    {
        (await File.ReadAllTextAsync(Path.Combine(reportDirectory, "index.html"))).Should().Contain("href=\"use-cases.html\"");
        var (playwright, browser) = await ChromiumBrowser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(Path.Combine(reportDirectory, "use-cases.html")).AbsoluteUri);
            var rows = (await page.Locator("#index tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.row)")).Where(r => r.Length > 0).ToList();

            var tagged = report.Pickles.SelectMany(p => p.Tags).Select(t => t.TrimStart('@')).Where(t => t.StartsWith("uc-", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal);
            rows.Should().BeEquivalentTo(tagged, "every use case the features tag has its row");
            rows.Should().HaveCount(29, "DPI's page has 29 use cases").And.BeInAscendingOrder(Comparer<string>.Create((a, b) => PageOrder(a).CompareTo(PageOrder(b))));

            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            result.Violations.Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();

            // The Cucumber report itself (Reqnroll's page, with the link to the index added at its top).
            await page.GotoAsync(new Uri(Path.Combine(reportDirectory, "index.html")).AbsoluteUri);
            await page.GetByText("Scenarios", new() { Exact = true }).WaitForAsync();
            var cucumber = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            cucumber.Violations.Select(v => $"{v.Id}: {v.Help}").Should().BeEmpty();
            cucumber.Passes.Should().NotBeEmpty();
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Where a use case sits on DPI's page: by number, the deletes group after the attendance group it shares 15.x with.</summary>
    private static (int Major, int Group, int Minor) PageOrder(string tag)
    {
        var id = tag["uc-".Length..];
        var deletes = id.StartsWith("del-", StringComparison.Ordinal);
        var parts = (deletes ? id["del-".Length..] : id).Split('.');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), deletes ? 1 : 0, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Every pickle name of every feature file on disk (outline rows with their values substituted).</summary>
    private static List<string> ScenarioNamesUnderFeatures() =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, "features"), "*.feature", SearchOption.AllDirectories)
            .Select(f => FeatureParser.Parse(Path.GetRelativePath(Root, f), File.ReadAllText(f)))
            .SelectMany(f => f.Messages?.Pickles.Select(p => p.Name) ?? throw new AssertionException(f.LoadError ?? f.Path))
            .Distinct(StringComparer.Ordinal)];

    [System.Text.RegularExpressions.GeneratedRegex("Bearer [0-9a-f]{16,}", System.Text.RegularExpressions.RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial System.Text.RegularExpressions.Regex BearerToken();

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The report embeds its messages as JSON in a script, with '<' written as \x3C.
    private static string AsInHtml(string name) =>
        JsonSerializer.Serialize(name, Relaxed)[1..^1]
            .Replace("<", "\\x3C", StringComparison.Ordinal);
}
