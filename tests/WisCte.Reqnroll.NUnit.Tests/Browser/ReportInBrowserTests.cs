using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.Playwright;
using NUnit.Framework;
using WisCte.TestSupport;
using WisCte.Reqnroll.NUnit.Tests.Support;

namespace WisCte.Reqnroll.NUnit.Tests.Browser;

/// <summary>
/// Opens the HTML report of the sample run in Chromium, as a reader would, and checks that it lists every feature
/// and scenario with the status the run recorded. A screenshot is kept as a test attachment.
/// </summary>
[Category("browser")]
public sealed partial class ReportInBrowserTests
{
    private SampleRun _run = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    [OneTimeSetUp]
    public async Task OpenReport()
    {
        _run = await SampleRun.AllAsync();
        (_playwright, _browser) = await ChromiumBrowser.LaunchAsync();
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 1280, Height = 1000 } });
        await _page.GotoAsync(new Uri(_run.HtmlReport).AbsoluteUri);
        await _page.GetByText("Scenarios", new() { Exact = true }).WaitForAsync();

        // Passing features start collapsed: open every one so that all scenarios are on the page.
        var collapsed = _page.Locator("[data-accordion-component=AccordionItemButton][aria-expanded=false]");
        while (await collapsed.CountAsync() > 0)
            await collapsed.First.ClickAsync();
    }

    [OneTimeTearDown]
    public async Task CloseBrowser()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Test]
    public async Task The_report_lists_every_feature_file_with_its_status()
    {
        var headings = await _page.Locator("[data-accordion-component=AccordionItemButton]").EvaluateAllAsync<string[][]>(
            "els => els.map(e => [e.innerText.trim(), e.querySelector('[data-status]')?.getAttribute('data-status') ?? ''])");
        var statusByFile = headings.ToDictionary(h => h[0], h => h[1], StringComparer.Ordinal);

        // A file is listed once a scenario of it has run (a failed [BeforeFeature] leaves its file out).
        statusByFile.Keys.Should().BeEquivalentTo(_run.Report.Executions.Select(e => e.Pickle.Uri).Distinct());
        statusByFile["Features/constructs/backgrounds-and-rules.feature"].Should().Be("PASSED");
        statusByFile["Features/outcomes/pass-fail.feature"].Should().Be("FAILED");
        statusByFile["Features/outcomes/undefined.feature"].Should().Be("UNDEFINED");
    }

    [Test]
    public async Task The_report_lists_every_executed_scenario_with_its_step_statuses()
    {
        var scenarios = await ScenariosOnPageAsync();

        scenarios.Keys.Should().Contain(_run.Report.Executions.Select(e => e.Pickle.Name).Distinct());
        scenarios["A passing scenario"].Should().Equal("PASSED", "PASSED");
        scenarios["A failing scenario skips its remaining steps"].Should().Equal("PASSED", "FAILED", "SKIPPED");
        scenarios["A step nobody has bound"].Should().Equal("PASSED", "UNDEFINED");
        scenarios["A step still being written"].Should().Equal("PENDING");
    }

    [Test]
    public async Task The_summary_counts_match_the_run()
    {
        var summary = await _page.InnerTextAsync("body");
        var executed = _run.Report.Executions.Count;
        var passed = _run.Report.Executions.Count(e => e.Steps.All(s => s.Status == "PASSED"));

        summary.Should().Contain($"({passed} / {executed}) passed");
        CountOf(summary, "FAILED").Should().Be(_run.Report.Executions.Count(e => e.Steps.Any(s => s.Status == "FAILED")));

        var screenshot = Path.Combine(_run.Directory, "report.png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        TestContext.AddTestAttachment(screenshot, "The sample run's living-doc report in Chromium");
        new FileInfo(screenshot).Length.Should().BeGreaterThan(10_000);
    }

    /// <summary>Scenario (or outline, or rule) title → the data-status of each of its steps, in page order.</summary>
    private async Task<Dictionary<string, string[]>> ScenariosOnPageAsync()
    {
        var rows = await _page.Locator("h2").EvaluateAllAsync<string[][]>("""
            els => els
              .filter(h => h.innerText.includes(':'))
              .map(h => [h.innerText.substring(h.innerText.indexOf(':') + 1).trim(),
                         ...[...(h.parentElement.nextElementSibling?.querySelectorAll('li[data-status]') ?? [])]
                              .map(li => li.getAttribute('data-status'))])
            """);
        return rows.GroupBy(r => r[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[1..], StringComparer.Ordinal);
    }

    private static int CountOf(string summary, string status)
    {
        var match = StatusCount().Matches(summary).FirstOrDefault(m => m.Groups["status"].Value == status);
        return match is null ? 0 : int.Parse(match.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?<status>PASSED|FAILED|PENDING|UNDEFINED|AMBIGUOUS|SKIPPED)\s*(?<count>\d+)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StatusCount();
}
