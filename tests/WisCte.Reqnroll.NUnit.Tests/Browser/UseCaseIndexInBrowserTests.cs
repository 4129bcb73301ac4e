using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using FluentAssertions;
using Microsoft.Playwright;
using NUnit.Framework;
using WisCte.TestSupport;
using WisCte.Reqnroll.NUnit.Reporting;
using WisCte.Reqnroll.NUnit.Tests.Support;

namespace WisCte.Reqnroll.NUnit.Tests.Browser;

/// <summary>
/// The use-case index the sample run writes beside its Cucumber report (tests/WisCte.Reqnroll.NUnit.Samples names a
/// catalogue of four use cases; its living-doc feature tags scenarios by use case and school year), read in Chromium:
/// rows in the catalogue's order, counts equal to the NDJSON's, links that land on the right scenarios and back, a
/// working search box, a clean print, and no WCAG 2.1 AA violation by axe-core.
/// </summary>
[Category("browser")]
public sealed class UseCaseIndexInBrowserTests
{
    private static readonly string[] Catalogue = ["uc-1.0", "uc-2.0", "uc-3.0", "uc-4.0"];

    private SampleRun _run = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private string IndexPage => Path.Combine(_run.Directory, "use-cases.html");

    [OneTimeSetUp]
    public async Task Launch()
    {
        _run = await SampleRun.AllAsync();
        (_playwright, _browser) = await ChromiumBrowser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task CloseBrowser()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Test]
    public async Task Use_cases_are_listed_in_the_catalogues_order_then_the_scenarios_of_none()
    {
        var page = await OpenAsync(IndexPage);

        var rows = await page.Locator("#index tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.row)");

        rows.Should().Equal([.. Catalogue, ""]);
        (await page.Locator("#index tbody tr").Nth(0).Locator("th").InnerTextAsync()).Should().Contain("1.0").And.Contain("A sample line in the source's own words.");
    }

    [Test]
    public async Task Every_cell_counts_what_the_ndjson_says()
    {
        var page = await OpenAsync(IndexPage);
        var cells = await page.Locator("#index tbody td").EvaluateAllAsync<string[][]>(
            "cells => cells.map(c => [c.parentElement.dataset.row, c.dataset.column, c.dataset.passed, c.dataset.failed, c.dataset.skipped])");
        var shown = cells.ToDictionary(c => (c[0], c[1]), c => (Passed: Number(c[2]), Failed: Number(c[3]), Skipped: Number(c[4])));

        // Counted here from the run's NDJSON, pickle by pickle, without the page's code.
        var expected = new Dictionary<(string, string), (int Passed, int Failed, int Skipped)>();
        foreach (var pickle in _run.Report.Pickles)
        {
            var tags = pickle.Tags.Select(t => t.TrimStart('@')).ToList();
            var row = tags.FirstOrDefault(Catalogue.Contains) ?? "";
            var column = tags.FirstOrDefault(t => t.StartsWith("sy-", StringComparison.Ordinal)) ?? "";
            var execution = _run.Report.Executions.LastOrDefault(e => e.Pickle.Id == pickle.Id);
            var steps = execution?.ScenarioSteps.ToList() ?? [];
            var (passed, failed, skipped) = expected.GetValueOrDefault((row, column));
            if (execution is not null && execution.Steps.Any(s => s.Status is not ("PASSED" or "SKIPPED")))
                failed++; // a failed hook fails its scenario, whose steps are then skipped
            else if (execution is null || (steps.Count > 0 && steps.All(s => s.Status == "SKIPPED")))
                skipped++;
            else
                passed++;
            expected[(row, column)] = (passed, failed, skipped);
        }

        shown.Where(c => c.Value != (0, 0, 0)).Should().BeEquivalentTo(expected);
        shown[("uc-1.0", "sy-2026")].Should().Be((1, 1, 0));
        shown[("uc-1.0", "sy-2024")].Should().Be((1, 0, 0));
        shown[("uc-2.0", "sy-2026")].Should().Be((0, 0, 1));
        shown[("uc-3.0", "")].Should().Be((1, 0, 0));
        (await page.Locator("tr[data-row='uc-4.0'] td").AllInnerTextsAsync()).Should().OnlyContain(t => t == "not applicable");
    }

    [Test]
    public async Task A_cell_links_to_exactly_its_scenarios_in_the_cucumber_report_which_links_back()
    {
        var page = await OpenAsync(IndexPage);

        await page.Locator("tr[data-row='uc-1.0'] td[data-column='sy-2026'] a").ClickAsync();
        await page.GetByText("Scenarios", new() { Exact = true }).WaitForAsync();
        // The report renders its filtered feature list after its summary: wait for the list before opening it.
        await page.Locator("[data-accordion-component=AccordionItemButton]").First.WaitForAsync();
        var collapsed = page.Locator("[data-accordion-component=AccordionItemButton][aria-expanded=false]");
        while (await collapsed.CountAsync() > 0)
            await collapsed.First.ClickAsync();
        await page.GetByText("Use case 1.0 in 2025-26 passes").First.WaitForAsync();
        var text = await page.InnerTextAsync("body");

        text.Should().Contain("Use case 1.0 in 2025-26 passes").And.Contain("Use case 1.0 in 2025-26 fails");
        text.Should().NotContain("Use case 1.0 in 2023-24 passes").And.NotContain("A passing scenario");

        await page.GetByRole(AriaRole.Link, new() { Name = "Use cases by school year" }).ClickAsync();
        (await page.Locator("h1").InnerTextAsync()).Should().Be("Sample use cases by school year");
    }

    [Test]
    public async Task The_search_box_keeps_only_the_rows_that_match()
    {
        var page = await OpenAsync(IndexPage);

        await page.FillAsync("#search", "dual enrollment");
        var visible = await page.Locator("#index tbody tr:not([hidden])").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.row)");

        visible.Should().Equal("uc-4.0");
    }

    [Test]
    public async Task Printed_the_page_drops_the_search_box_and_links_bar()
    {
        var page = await OpenAsync(IndexPage);

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        (await page.Locator(".search").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator("header nav").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator("#index").IsVisibleAsync()).Should().BeTrue();
    }

    [Test]
    public async Task The_index_passes_axe_cores_wcag_2_1_aa_rules()
    {
        var page = await OpenAsync(IndexPage);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})").Should().BeEmpty();
        result.Passes.Should().NotBeEmpty("axe must have checked something");
    }

    private static int Number(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<IPage> OpenAsync(string file)
    {
        File.Exists(file).Should().BeTrue($"the sample run writes {file}");
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new() { Width = 1280, Height = 1000 } });
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        return page;
    }
}
