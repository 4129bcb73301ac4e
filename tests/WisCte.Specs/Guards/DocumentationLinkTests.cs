using System.Text.RegularExpressions;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Specs.Support;

namespace WisCte.Specs.Guards;

/// <summary>
/// The repository stands alone: every README and document in it links only to files in the clone, and names no path
/// that climbs out of it (a reader of a clone has nothing beside it).
/// </summary>
public sealed partial class DocumentationLinkTests
{
    private static readonly string[] Skipped = ["bin", "obj", "artifacts", "node_modules", ".git"];

    public static IEnumerable<TestCaseData> Documents() =>
        MarkdownFiles(RepositoryFiles.Root).Select(f => new TestCaseData(Path.GetRelativePath(RepositoryFiles.Root, f).Replace('\\', '/'))
            .SetName($"{Path.GetRelativePath(RepositoryFiles.Root, f).Replace('\\', '/')} points only inside the repository"));

    [TestCaseSource(nameof(Documents))]
    public void A_document_points_only_inside_the_repository(string relativePath)
    {
        var file = Path.Combine(RepositoryFiles.Root, relativePath);

        Problems(File.ReadAllText(file), Path.GetDirectoryName(file)!, RepositoryFiles.Root).Should().BeEmpty();
    }

    [Test]
    public void The_repository_has_its_documents()
    {
        var found = MarkdownFiles(RepositoryFiles.Root).Select(f => Path.GetRelativePath(RepositoryFiles.Root, f).Replace('\\', '/')).ToList();

        found.Should().Contain(["README.md", "docs/overview.md", "features/README.md"]);
    }

    [Test]
    public void A_link_or_path_outside_the_clone_or_to_a_missing_file_is_named()
    {
        var root = Path.Combine(Path.GetTempPath(), $"wiscte-docs-{Guid.NewGuid():N}");
        var docs = Directory.CreateDirectory(Path.Combine(root, "docs")).FullName;
        File.WriteAllText(Path.Combine(root, "README.md"), "");
        try
        {
            const string text = """
                Fine: [the README](../README.md), [a heading](#words), [DPI](https://dpi.wi.gov/wisedata), [here](overview.md#x) is missing.
                Outside: [the brief](../../shared/design/PRODUCT.md) and `../shared/reference/wi/page.txt` and <a href="../../x.html">x</a>.
                """;

            var problems = Problems(text, docs, root);

            problems.Should().BeEquivalentTo(
            [
                "overview.md#x: no such file in the repository",
                "../../shared/design/PRODUCT.md: outside the repository",
                "../shared/reference/wi/page.txt: names a folder beside the repository",
                "../../x.html: outside the repository",
            ]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Each link that leaves the repository or names a missing file, and each path naming the folders beside it.</summary>
    private static List<string> Problems(string markdown, string folder, string root)
    {
        var problems = new List<string>();
        foreach (var target in Links().Matches(markdown).Select(m => m.Groups["md"].Success ? m.Groups["md"].Value : m.Groups["href"].Value))
        {
            if (target.StartsWith('#') || Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto")
                continue;
            var path = Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(target.Split('#')[0])));
            if (!path.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) && path != Path.GetFullPath(root))
                problems.Add($"{target}: outside the repository");
            else if (!File.Exists(path) && !Directory.Exists(path))
                problems.Add($"{target}: no such file in the repository");
        }
        foreach (var mention in Beside().Matches(markdown).Select(m => m.Value))
        {
            if (!problems.Any(p => p.StartsWith(mention, StringComparison.Ordinal)))
                problems.Add($"{mention}: names a folder beside the repository");
        }
        return problems;
    }

    private static IEnumerable<string> MarkdownFiles(string root) =>
        Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(part => Skipped.Contains(part, StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal);

    /// <summary>Markdown links and images, <c>[text](target)</c>, and HTML <c>href</c>/<c>src</c> attributes.</summary>
    [GeneratedRegex(@"\]\((?<md>[^)\s]+)(?:\s+""[^""]*"")?\)|(?:href|src)=""(?<href>[^""]+)""", RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Links();

    /// <summary>A path naming the folders the project's designers kept beside it (<c>../shared/…</c>), in a link or not.</summary>
    [GeneratedRegex("""(?:\.\./)+shared/[^\s)`'"]*""", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Beside();
}
