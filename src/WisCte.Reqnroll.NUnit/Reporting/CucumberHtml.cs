namespace WisCte.Reqnroll.NUnit.Reporting;

/// <summary>Adds a link to the Cucumber report's page, at the top, so a reader can reach a companion page from it.</summary>
public static class CucumberHtml
{
    public static void AddLink(string htmlReport, string href, string text)
    {
        var html = File.ReadAllText(htmlReport);
        var body = html.IndexOf("<body>", StringComparison.Ordinal);
        if (body < 0 || html.Contains($"href=\"{href}\"", StringComparison.Ordinal))
            return;
        var link = $"<nav aria-label=\"Other views of this run\" style=\"padding:.5rem 1rem;font:16px system-ui,sans-serif;background:#f1f3f5\"><a style=\"color:#0b4f9c\" href=\"{System.Net.WebUtility.HtmlEncode(href)}\">{System.Net.WebUtility.HtmlEncode(text)}</a></nav>";
        File.WriteAllText(htmlReport, html.Insert(body + "<body>".Length, link));
    }
}
