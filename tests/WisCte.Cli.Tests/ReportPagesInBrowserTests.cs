using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using FluentAssertions;
using Microsoft.Playwright;
using NUnit.Framework;
using WisCte.Cli.Commands;
using WisCte.EdFi;
using WisCte.EdFi.Model;
using WisCte.ScriptedSis;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;
using WisCte.TestSupport;

namespace WisCte.Cli.Tests;

/// <summary>
/// The pages a DPI reviewer opens after an audit (<c>wiscte audit --html</c>) and after a certification (the bundle's
/// report.html), read in Chromium: the same layout as the use-case index, the verdict and a finding said in words, and
/// no WCAG 2.1 AA violation by axe-core. One SIS sync with a mistake (a CTE section enrolment without the student's CTE
/// association) feeds both, so both pages have findings to show.
/// </summary>
[Category("browser")]
public sealed class ReportPagesInBrowserTests
{
    private const string ClientId = "pages-sis";
    private const long Lea = WisCte.Dpi.Baseline.DpiBaseline.Lea;
    private readonly string _secret = "s3cret-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"wiscte-pages-{Guid.NewGuid():N}");
    private string _student = "";
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private string AuditPage => Path.Combine(_folder, "audit.html");
    private string CertificationReport => Path.Combine(_folder, "bundle", "report.html");

    [OneTimeSetUp]
    public async Task WritePages()
    {
        Directory.CreateDirectory(_folder);
        var journal = Path.Combine(_folder, "journal.ndjson");
        using (var simulator = WisedataSimulator.Start(new SimulatorOptions { Clients = [new ApiClient(ClientId, _secret, Lea)], JournalPath = journal }))
        {
            using var http = new HttpClient();
            var plays = new Plays(new ScriptedSisClient(http, simulator.BaseUrl, ClientId, _secret, new SisBehaviour()));
            _student = await plays.StudentAsync();
            (await plays.SectionAsync(_student, "CNA", Plays.Irc)).Status.Should().Be(201);

            var target = new EdFiTarget(new Uri(simulator.BaseUrl + "/"), ClientId, _secret, new SchoolYear(2026));
            (await AuditCommand.RunAsync(target, Lea, null, TextWriter.Null, TextWriter.Null, htmlPath: AuditPage)).Should().Be(1, "the audit finds the missing association");
        }
        var verify = await VerifyCommand.Create(TextWriter.Null, TextWriter.Null)
            .Parse(["--journal", journal, "--use-case", "1.0", "--out", Path.Combine(_folder, "bundle")]).InvokeAsync();
        verify.Should().Be(1, "certification finds the missing association too");
        (_playwright, _browser) = await ChromiumBrowser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task CloseBrowser()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Test]
    public async Task The_audit_page_says_the_verdict_what_was_read_and_each_finding()
    {
        var page = await OpenAsync(AuditPage);

        (await page.Locator("h1").InnerTextAsync()).Should().Be($"WisCte audit of LEA {Lea}: DOES NOT CONFORM");
        (await page.Locator(".summary").InnerTextAsync()).Should().Contain("School year").And.Contain("2025-26").And.Contain("Errors");
        var rows = await page.Locator("table").Last.Locator("tbody tr").AllInnerTextsAsync();
        rows.Should().ContainSingle().Which.Should().Contain("WI-L2-16.1").And.Contain(_student).And.Contain("Error");
        (await page.ContentAsync()).Should().NotContain(_secret);
    }

    [Test]
    public async Task The_certification_report_has_the_same_layout_and_says_the_verdict()
    {
        var page = await OpenAsync(CertificationReport);

        (await page.Locator("h1").InnerTextAsync()).Should().Be("WisCte certification of a SIS: DOES NOT CONFORM");
        (await page.Locator("header .product").TextContentAsync()).Should().Be("WisCte.Conformance", "the shared layout's header");
        (await page.Locator("h2").First.InnerTextAsync()).Should().Contain("Use case 1.0").And.Contain("failed");
        (await page.Locator("main").InnerTextAsync()).Should().Contain("WI-L2-16.1");
    }

    [TestCase("audit.html")]
    [TestCase("bundle/report.html")]
    public async Task The_page_passes_axe_cores_wcag_2_1_aa_rules(string file)
    {
        var page = await OpenAsync(Path.Combine(_folder, file));

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        result.Violations.Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})").Should().BeEmpty();
        result.Passes.Should().NotBeEmpty("axe must have checked something");
    }

    private async Task<IPage> OpenAsync(string file)
    {
        File.Exists(file).Should().BeTrue($"{file} was written");
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(new Uri(file).AbsoluteUri);
        return page;
    }
}
