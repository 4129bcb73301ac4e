using System.Globalization;
using System.Text;
using WisCte.Reports;

namespace WisCte.Reqnroll.NUnit.Reporting;

/// <summary>One row of an index: the scenarios carrying a tag (<c>uc-1.0</c>), named as the reader knows them.</summary>
/// <param name="Quote">A line in the source's own words (DPI's), shown under the title; optional.</param>
public sealed record IndexRow(string Tag, string Id, string Title, string? Quote = null);

/// <summary>How many scenarios of a cell passed, failed or were skipped (not run counts as skipped).</summary>
public sealed record CellCounts(int Passed, int Failed, int Skipped)
{
    public int Total => Passed + Failed + Skipped;
}

/// <summary>
/// A run's scenarios counted by two tag families: a row per given tag, in the given order (DPI's use cases in the
/// page's order), and a column per value of a tag prefix found in the run (<c>sy-2026</c>), in order; scenarios with no
/// row tag make a last row, scenarios with no column tag a last column. A scenario's outcome is its last execution's:
/// failed when any step or hook failed, was undefined, pending or ambiguous; skipped when it never ran or every step was
/// skipped; passed otherwise.
/// </summary>
public sealed class TagIndex
{
    /// <summary>The row of scenarios that carry none of the rows' tags.</summary>
    public static readonly IndexRow OtherScenarios = new("", "", "Scenarios of no use case");

    private readonly Dictionary<(string Row, string Column), CellCounts> _cells;

    private TagIndex(IReadOnlyList<IndexRow> rows, IReadOnlyList<string> columns, Dictionary<(string, string), CellCounts> cells)
    {
        Rows = rows;
        Columns = columns;
        _cells = cells;
    }

    public IReadOnlyList<IndexRow> Rows { get; }

    /// <summary>The column tags in order, then <c>""</c> when some scenario has no column tag.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The counts of a cell; null when no scenario has both tags (not applicable).</summary>
    public CellCounts? Cell(IndexRow row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _cells.GetValueOrDefault((row.Tag, column));
    }

    public static TagIndex Build(CucumberReport report, IReadOnlyList<IndexRow> rows, string columnPrefix)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(rows);
        var rowTags = rows.Select(r => r.Tag).ToHashSet(StringComparer.Ordinal);
        var outcomes = report.Executions.GroupBy(e => e.Pickle.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Outcome(g.Last()), StringComparer.Ordinal);
        var cells = new Dictionary<(string, string), CellCounts>();
        var columns = new SortedSet<string>(StringComparer.Ordinal);
        var anyWithoutColumn = false;
        foreach (var pickle in report.Pickles)
        {
            var tags = pickle.Tags.Select(t => t.TrimStart('@')).ToList();
            var columnTags = tags.Where(t => t.StartsWith(columnPrefix, StringComparison.Ordinal)).DefaultIfEmpty("").ToList();
            var rowsOf = tags.Where(rowTags.Contains).DefaultIfEmpty(OtherScenarios.Tag);
            var outcome = outcomes.GetValueOrDefault(pickle.Id, ScenarioOutcome.Skipped);
            foreach (var column in columnTags)
            {
                if (column.Length == 0)
                    anyWithoutColumn = true;
                else
                    columns.Add(column);
                foreach (var row in rowsOf)
                    cells[(row, column)] = Add(cells.GetValueOrDefault((row, column)), outcome);
            }
        }
        IReadOnlyList<IndexRow> allRows = cells.Keys.Any(k => k.Item1.Length == 0) ? [.. rows, OtherScenarios] : rows;
        IReadOnlyList<string> allColumns = anyWithoutColumn ? [.. columns, ""] : [.. columns];
        return new TagIndex(allRows, allColumns, cells);
    }

    /// <summary>The Cucumber report's search for a cell's scenarios: a tag expression it reads from <c>?query=</c>.</summary>
    public string Query(IndexRow row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        var rowPart = row.Tag.Length > 0 ? "@" + row.Tag : "not (" + string.Join(" or ", Rows.Where(r => r.Tag.Length > 0).Select(r => "@" + r.Tag)) + ")";
        var columnPart = column.Length > 0 ? "@" + column : "not (" + string.Join(" or ", Columns.Where(c => c.Length > 0).Select(c => "@" + c)) + ")";
        return $"{rowPart} and {columnPart}";
    }

    /// <summary>The index as a page: the search box, then the matrix, each cell linking to its scenarios in the Cucumber report.</summary>
    public string Render(string title, IReadOnlyList<(string Label, string Value)> summary, Func<string, string> columnLabel, string cucumberReport = "index.html")
    {
        ArgumentNullException.ThrowIfNull(columnLabel);
        var body = new StringBuilder();
        body.Append("<div class=\"search\" role=\"search\"><label for=\"search\">Find a use case (number or words)</label>")
            .Append("<input id=\"search\" type=\"search\" autocomplete=\"off\" aria-controls=\"index\"></div>")
            .Append("<table id=\"index\"><caption>Scenarios by use case and school year: each count links to its scenarios in the Cucumber report</caption><thead><tr><th scope=\"col\">Use case</th>");
        foreach (var column in Columns)
            body.Append("<th scope=\"col\">").Append(Html.E(column.Length > 0 ? columnLabel(column) : "no school year")).Append("</th>");
        body.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            body.Append("<tr data-row=\"").Append(Html.E(row.Tag)).Append("\"><th scope=\"row\">");
            if (row.Id.Length > 0)
                body.Append("<span class=\"id\">").Append(Html.E(row.Id)).Append("</span> ");
            body.Append(Html.E(row.Title));
            if (row.Quote is { Length: > 0 } quote)
                body.Append("<p class=\"quote\">").Append(Html.E(quote)).Append("</p>");
            body.Append("</th>");
            foreach (var column in Columns)
                AppendCell(body, row, column, cucumberReport);
            body.Append("</tr>");
        }
        body.Append("</tbody></table>").Append(SearchScript);
        return ReportPage.Render(new PageContent(title, summary, [(cucumberReport, "All scenarios (the Cucumber report)")], body.ToString()));
    }

    /// <summary>Writes the page beside the Cucumber report, and a link to it at the top of that report.</summary>
    public void WriteBeside(LivingDocOptions options, string fileName, string linkText, string title, IReadOnlyList<(string Label, string Value)> summary, Func<string, string> columnLabel)
    {
        ArgumentNullException.ThrowIfNull(options);
        File.WriteAllText(Path.Combine(options.OutputDirectory, fileName), Render(title, summary, columnLabel));
        if (File.Exists(options.HtmlReport))
            CucumberHtml.AddLink(options.HtmlReport, fileName, linkText);
    }

    private void AppendCell(StringBuilder body, IndexRow row, string column, string cucumberReport)
    {
        body.Append("<td class=\"cell\" data-column=\"").Append(Html.E(column)).Append('"');
        if (Cell(row, column) is not { } counts)
        {
            body.Append(" data-passed=\"0\" data-failed=\"0\" data-skipped=\"0\"><span class=\"none\">not applicable</span></td>");
            return;
        }
        body.Append(CultureInfo.InvariantCulture, $" data-passed=\"{counts.Passed}\" data-failed=\"{counts.Failed}\" data-skipped=\"{counts.Skipped}\">")
            .Append("<a href=\"").Append(Html.E(cucumberReport + "?query=" + Uri.EscapeDataString(Query(row, column)))).Append("\">");
        if (counts.Failed > 0)
            body.Append(CultureInfo.InvariantCulture, $"<span class=\"fail\">{counts.Failed} failed</span>");
        if (counts.Passed > 0)
            body.Append(CultureInfo.InvariantCulture, $"<span class=\"pass\">{counts.Passed} passed</span>");
        if (counts.Skipped > 0)
            body.Append(CultureInfo.InvariantCulture, $"<span class=\"skip\">{counts.Skipped} skipped</span>");
        body.Append("</a></td>");
    }

    /// <summary>Hides the rows whose text does not hold every word typed; the page works without it.</summary>
    private const string SearchScript = """
        <script>
        document.getElementById('search').addEventListener('input', function (e) {
          var words = e.target.value.toLowerCase().split(/\s+/).filter(Boolean);
          document.querySelectorAll('#index tbody tr').forEach(function (row) {
            var text = row.querySelector('th').textContent.toLowerCase();
            row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
          });
        });
        </script>
        """;

    private static CellCounts Add(CellCounts? counts, ScenarioOutcome outcome)
    {
        var (passed, failed, skipped) = counts is null ? (0, 0, 0) : (counts.Passed, counts.Failed, counts.Skipped);
        return outcome switch
        {
            ScenarioOutcome.Passed => new(passed + 1, failed, skipped),
            ScenarioOutcome.Failed => new(passed, failed + 1, skipped),
            _ => new(passed, failed, skipped + 1),
        };
    }

    private static ScenarioOutcome Outcome(ReportExecution execution)
    {
        if (execution.Steps.Any(s => s.Status is not ("PASSED" or "SKIPPED")))
            return ScenarioOutcome.Failed;
        return execution.ScenarioSteps.Any() && execution.ScenarioSteps.All(s => s.Status == "SKIPPED") ? ScenarioOutcome.Skipped : ScenarioOutcome.Passed;
    }

    private enum ScenarioOutcome
    {
        Passed,
        Failed,
        Skipped,
    }
}
