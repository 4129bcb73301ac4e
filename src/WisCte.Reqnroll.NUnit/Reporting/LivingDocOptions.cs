namespace WisCte.Reqnroll.NUnit.Reporting;

/// <summary>
/// Where the living-documentation report is written: <c>$WISCTE_LIVING_DOC_DIR</c> if set, otherwise
/// <c>artifacts/living-doc</c> under the repository root (the folder holding <c>WisCte.Conformance.sln</c>),
/// otherwise under the current directory.
/// </summary>
public sealed record LivingDocOptions(string OutputDirectory)
{
    public const string DirectoryVariable = "WISCTE_LIVING_DOC_DIR";
    public const string SolutionFile = "WisCte.Conformance.sln";

    public string HtmlReport => Path.Combine(OutputDirectory, "index.html");
    public string MessagesFile => Path.Combine(OutputDirectory, "index.ndjson");
    public string AttachmentsDirectory => Path.Combine(OutputDirectory, "attachments");

    public static LivingDocOptions Resolve()
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return new LivingDocOptions(Path.GetFullPath(configured));
        var root = FindRepositoryRoot(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
        return new LivingDocOptions(Path.Combine(root, "artifacts", "living-doc"));
    }

    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return dir.FullName;
        }
        return null;
    }
}
