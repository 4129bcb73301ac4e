using System.Globalization;
using WisCte.Certification;
using WisCte.Dpi.UseCases;
using WisCte.Reqnroll.NUnit.Reporting;
using WisCte.Specs.Support;

[assembly: ReportCompanion(typeof(WisCte.Specs.LivingDoc.UseCaseIndexPage))]

namespace WisCte.Specs.LivingDoc;

/// <summary>
/// The living documentation as a DPI reader navigates it: DPI's use cases in the page's order, school year by school
/// year, each count a link to its scenarios in the Cucumber report (which links back here). Written beside the report
/// at the end of every run.
/// </summary>
public sealed class UseCaseIndexPage : IReportCompanion
{
    public const string FileName = "use-cases.html";

    public void Write(LivingDocOptions options, CucumberReport report)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rows = DpiUseCaseCatalog.Dpi.UseCases.Select(u => new IndexRow(u.Tag, u.Id, u.Title)).ToList();
        var index = TagIndex.Build(report, rows, "sy-");
        var years = index.Columns.Where(c => c.Length > 0).Select(SchoolYearOf).ToList();
        IReadOnlyList<(string, string)> summary =
        [
            ("Target", Target()),
            ("School years", years.Count > 0 ? string.Join(", ", years) : "none"),
            ("Suite", SuiteIdentity.Summary),
            ("Written", DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)),
        ];
        index.WriteBeside(options, FileName, "DPI's use cases by school year", "DPI's CTE use cases, school year by school year", summary, SchoolYearOf);
    }

    /// <summary><c>sy-2026</c> → 2025-26.</summary>
    private static string SchoolYearOf(string tag) =>
        int.TryParse(tag.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var end) ? $"{end - 1}-{end % 100:00}" : tag;

    private static string Target()
    {
        try
        {
            return TargetSettings.Resolve() is { IsSimulator: false } real ? $"{real.BaseUrl} (school year {real.SchoolYear})" : "the built-in simulator";
        }
        catch (InvalidOperationException ex)
        {
            return $"not known ({ex.Message})";
        }
    }
}
