using System.Globalization;
using System.Text;
using WisCte.Dpi.L2;
using WisCte.Reports;

namespace WisCte.Audit;

/// <summary>
/// An audit as a page, on the layout every page of the harness shares: the verdict and what was read, the findings
/// counted by rule, then the findings themselves (the first <see cref="MaxRows"/>: a district's may run to hundreds of
/// thousands, which the JSON file holds whole).
/// </summary>
public static class AuditPage
{
    public const int MaxRows = 1000;

    /// <param name="suite">Which suite judged (version and the hash of its features and rules).</param>
    public static string Render(AuditReport report, DateTimeOffset auditedAt, string suite)
    {
        ArgumentNullException.ThrowIfNull(report);
        var verdict = report.Conforms ? "CONFORMS" : "DOES NOT CONFORM";
        var body = new StringBuilder();
        body.Append("<h2>What was read</h2><table><caption>Records read, by resource</caption><thead><tr><th scope=\"col\">resource</th><th scope=\"col\">records</th></tr></thead><tbody>");
        foreach (var (resource, count) in report.Read)
            body.Append("<tr><td>").Append(Html.E(resource)).Append("</td><td>").Append(count.ToString("N0", CultureInfo.InvariantCulture)).Append("</td></tr>");
        body.Append("</tbody></table>");

        body.Append("<h2>Findings by rule</h2>");
        var byRule = report.Findings.GroupBy(f => (f.Code, f.Severity)).OrderBy(g => g.Key.Severity).ThenBy(g => g.Key.Code, StringComparer.Ordinal).ToList();
        if (byRule.Count == 0)
            body.Append("<p>No finding: every rule run found nothing.</p>");
        else
        {
            body.Append("<table><caption>Findings counted by rule</caption><thead><tr><th scope=\"col\">rule</th><th scope=\"col\">severity</th><th scope=\"col\">findings</th><th scope=\"col\">for example</th></tr></thead><tbody>");
            foreach (var rule in byRule)
            {
                body.Append("<tr><td>").Append(Html.E(rule.Key.Code)).Append("</td><td class=\"").Append(Class(rule.Key.Severity)).Append("\">").Append(rule.Key.Severity)
                    .Append("</td><td>").Append(rule.Count().ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td>").Append(Html.E(rule.First().Message)).Append("</td></tr>");
            }
            body.Append("</tbody></table>");
        }

        if (report.Findings.Count > 0)
        {
            body.Append("<h2>Findings</h2>");
            if (report.Findings.Count > MaxRows)
                body.Append(CultureInfo.InvariantCulture, $"<p>The first {MaxRows:N0} of {report.Findings.Count:N0}; every finding is in the JSON file (<code>--json</code>).</p>");
            body.Append("<table><caption>Each finding</caption><thead><tr><th scope=\"col\">severity</th><th scope=\"col\">rule</th><th scope=\"col\">resource</th><th scope=\"col\">record id</th><th scope=\"col\">student</th><th scope=\"col\">finding</th></tr></thead><tbody>");
            foreach (var finding in report.Findings.Take(MaxRows))
            {
                var waiver = report.WaiverOf(finding);
                body.Append("<tr><td class=\"").Append(waiver is null ? Class(finding.Severity) : "skip").Append("\">").Append(finding.Severity)
                    .Append(waiver is null ? "" : "<br>" + Html.E(waiver.ToString())).Append("</td><td>").Append(Html.E(finding.Code))
                    .Append("</td><td>").Append(Html.E(finding.Resource)).Append("</td><td>").Append(Html.E(finding.ResourceId)).Append("</td><td>")
                    .Append(Html.E(finding.StudentUniqueId)).Append("</td><td>").Append(Html.E(finding.Message)).Append("</td></tr>");
            }
            body.Append("</tbody></table>");
        }
        body.Append("<h2>Rules run</h2><ul>").AppendJoin("", report.RulesRun.Select(r => $"<li>{Html.E(r)}</li>")).Append("</ul>");

        return ReportPage.Render(new PageContent(
            $"WisCte audit of LEA {report.LocalEducationAgencyId}: {verdict}",
            [
                ("Verdict", verdict),
                ("LEA", report.LocalEducationAgencyId.ToString(CultureInfo.InvariantCulture)),
                ("School year", report.SchoolYear.ToString()),
                ("Endpoint", report.BaseUrl.ToString()),
                ("Records read", report.Read.Sum(r => r.Count).ToString("N0", CultureInfo.InvariantCulture)),
                ("Errors", report.Count(Severity.Error).ToString("N0", CultureInfo.InvariantCulture)),
                ("Warnings", report.Count(Severity.Warning).ToString("N0", CultureInfo.InvariantCulture)),
                ("Audited", auditedAt.ToString("u", CultureInfo.InvariantCulture)),
                ("Suite", suite),
            ],
            [],
            body.ToString()));
    }

    private static string Class(Severity severity) => severity switch
    {
        Severity.Error => "fail",
        Severity.Warning => "skip",
        _ => "none",
    };
}
