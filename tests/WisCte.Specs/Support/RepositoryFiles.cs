using WisCte.Reqnroll.NUnit.Reporting;

namespace WisCte.Specs.Support;

/// <summary>Files of this repository (fixtures), named as the feature files name them: relative to the root.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = LivingDocOptions.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {LivingDocOptions.SolutionFile} above {AppContext.BaseDirectory}: run the suite from its repository.");

    public static string ReadText(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!path.StartsWith(Root, StringComparison.Ordinal) || !File.Exists(path))
            throw new FileNotFoundException($"'{relativePath}' is not a file of this repository.", path);
        return File.ReadAllText(path);
    }
}
