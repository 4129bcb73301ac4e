using System.Net;
using System.Text;

namespace WisCte.Reports;

/// <summary>What one page shows: its title, the run's summary line, links to its companions, and its body (HTML).</summary>
/// <param name="Summary">Label and value pairs said in one line under the heading (target, school years, suite version, time).</param>
/// <param name="Links">The pages beside this one (the Cucumber report, the journal…), as relative links.</param>
public sealed record PageContent(
    string Title,
    IReadOnlyList<(string Label, string Value)> Summary,
    IReadOnlyList<(string Href, string Text)> Links,
    string Body);

/// <summary>
/// The layout every page of the harness shares: a heading, the run's summary, links to the pages beside it, the body,
/// one stylesheet (inline, so a page is one file that opens anywhere, and prints cleanly). Written for WCAG 2.1 AA:
/// a language, landmarks, contrast of 4.5:1 or more, status said in words and never by colour alone.
/// </summary>
public static class ReportPage
{
    public static string Render(PageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html.E(content.Title)).Append("</title><style>").Append(Stylesheet).Append("</style></head><body>")
            .Append("<header><p class=\"product\">WisCte.Conformance</p><h1>").Append(Html.E(content.Title)).Append("</h1>");
        if (content.Summary.Count > 0)
        {
            html.Append("<dl class=\"summary\">");
            foreach (var (label, value) in content.Summary)
                html.Append("<div><dt>").Append(Html.E(label)).Append("</dt><dd>").Append(Html.E(value)).Append("</dd></div>");
            html.Append("</dl>");
        }
        if (content.Links.Count > 0)
        {
            html.Append("<nav aria-label=\"Pages of this run\"><ul>");
            foreach (var (href, text) in content.Links)
                html.Append("<li><a href=\"").Append(Html.E(href)).Append("\">").Append(Html.E(text)).Append("</a></li>");
            html.Append("</ul></nav>");
        }
        html.Append("</header><main>").Append(content.Body).Append("</main></body></html>");
        return html.ToString();
    }

    /// <summary>Colours checked for 4.5:1 against their backgrounds; the print rules drop what only works on screen.</summary>
    public const string Stylesheet = """
        :root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #c8c8c8; --pass: #1c6530; --fail: #a1151a; --skip: #4f4f4f; --link: #0b4f9c; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 78rem; padding: 1rem 1.5rem 3rem; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
        a { color: var(--link); }
        a:focus-visible, input:focus-visible, summary:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
        .product { margin: 0; color: var(--muted); font-size: .9rem; letter-spacing: .04em; text-transform: uppercase; }
        h1 { margin: .2rem 0 .6rem; font-size: 1.6rem; }
        h2 { margin-top: 2rem; font-size: 1.25rem; }
        .summary { display: flex; flex-wrap: wrap; gap: .3rem 1.5rem; margin: 0 0 .8rem; }
        .summary div { display: flex; gap: .4rem; }
        .summary dt { color: var(--muted); }
        .summary dt::after { content: ":"; }
        .summary dd { margin: 0; font-weight: 600; }
        nav ul { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; margin: 0 0 1rem; list-style: none; }
        table { border-collapse: collapse; width: 100%; margin: .8rem 0; }
        caption { text-align: left; font-weight: 600; padding: .3rem 0; }
        th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: #f1f3f5; }
        tbody th { font-weight: normal; }
        .id { font-weight: 600; white-space: nowrap; }
        .pass { color: var(--pass); }
        .fail { color: var(--fail); font-weight: 600; }
        .skip { color: var(--skip); }
        .none { color: var(--muted); }
        .cell span { display: block; white-space: nowrap; }
        .search { margin: 1rem 0 .5rem; }
        .search label { display: block; font-weight: 600; }
        .search input { width: min(100%, 28rem); padding: .4rem .5rem; font: inherit; border: 1px solid #767676; border-radius: 4px; }
        .quote { margin: .3rem 0 0; color: var(--muted); font-size: .92rem; }
        details { margin: .4rem 0; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10.5pt; }
          nav, .search, script { display: none !important; }
          a { color: inherit; text-decoration: none; }
          tr, details { break-inside: avoid; }
          details > * { display: block; }
          thead { display: table-header-group; }
        }
        """;
}

/// <summary>Text made safe for HTML.</summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
